import type { Kysely } from 'kysely';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import type { JweKeyring } from '../crypto/jwe-keyring.ts';
import type { KeyStore } from '../crypto/key-store.ts';
import type { AuthFailureLimiter } from '../ephemeral/auth-failure-limiter.ts';
import type { SecurityCodeStore } from '../ephemeral/security-code-store.ts';
import type { SecurityCodeVault } from '../ephemeral/security-code-vault.ts';
import type { ForwardRule } from '../forward/forward-allowlist.ts';
import type { TokenServiceProvider } from '../network/token-service-provider.ts';
import type { ForwardSecurityCodePolicy } from '../config.ts';
import type { Database } from '../storage/database.ts';
import type { ReadinessCheck } from '../health/readiness.ts';
import type { WebhookNetworkPolicy } from '../webhooks/webhook-address-policy.ts';

/** Everything the domain needs, built at the edge (server.ts or the test helper) and passed in. */
export interface VaultDeps {
  db: Kysely<Database>;
  cipher: FieldCipher;
  /**
   * The PAN's fingerprint under the active fingerprint key, and under every live one (rotation).
   * Looked up by fingerprint: the sandbox TSP's per-card count (sandbox-provider.ts); tokens.fingerprint
   * is written and re-keyed but no route looks tokens up by it yet.
   */
  fingerprint(pan: string): string;
  fingerprintCandidates(pan: string): string[];
  /** The wrapped data keys (key-store.ts); absent only in deps built from a bare master key. */
  keyStore?: KeyStore;
  /** How long other processes may take to learn a key rotation (two sweep intervals); a rotation finishes no sooner. */
  keyRefreshMs: number;
  /** The rotation job's pace (CARDFRAME_KEY_ROTATION_BATCH, CARDFRAME_KEY_ROTATION_PAUSE). */
  keyRotation: { batchSize: number; pauseMs: number };
  keyring: JweKeyring;
  securityCodes: SecurityCodeVault;
  securityCodeStore: SecurityCodeStore;
  /** SHA-256 (hex) of the admin token. */
  adminTokenHash: string;
  publicUrl: string;
  allowedOrigins: readonly string[];
  /** Origins added to the frame's font-src (CARDFRAME_FONT_ORIGINS). */
  fontOrigins: readonly string[];
  /** Fonts served at /frame/v1/fonts/ (CARDFRAME_FONT_DIR); undefined: that path is a 404. */
  fontDir: string | undefined;
  sessionTtlSeconds: number;
  securityCodeTtlSeconds: number;
  frameDir: string;
  sdkDir: string;
  /** The built Hellgate-shaped script (packages/hellgate/dist), served under /hellgate/. */
  hellgateDir: string;
  now: () => number;
  /** Generic token payloads: a key of their own, apart from card data. */
  genericCipher: FieldCipher;
  /** CARDFRAME_FORWARD_ALLOWLIST; empty means the forward proxy refuses every destination. */
  forwardAllowlist: readonly ForwardRule[];
  forwardTimeoutMs: number;
  /** CARDFRAME_WEBHOOK_PRIVATE_NETWORKS: whether webhooks may reach private addresses (default public only). */
  webhookNetworkPolicy: WebhookNetworkPolicy;
  /** Failed authentications per client address (memory, or Redis with REDIS_URL). */
  authFailures: AuthFailureLimiter;
  /** What /readyz asks: the first dependency (database, disk, security-code store) that is down. */
  ready: ReadinessCheck;
  /** Network tokens come from here: the sandbox, or the provider CARDFRAME_NETWORK_TOKEN_PROVIDER names. */
  tokenServiceProvider: TokenServiceProvider;
  /** Each provider call's deadline (CARDFRAME_NETWORK_TOKEN_TIMEOUT). */
  networkTokenTimeoutMs: number;
  /** CARDFRAME_NETWORK_INLINE_CRYPTOGRAMS=allow (SAQ-D instances): cryptograms and token numbers in responses. */
  networkInlineCryptograms: boolean;
  /** What a session's `ephemeral: true` claim means (CARDFRAME_EPHEMERAL_TOKEN_TTL). */
  ephemeralTokenTtlSeconds: number;
  /** CARDFRAME_TRUST_PROXY: proxies whose X-Forwarded-For names the real client (empty: none). */
  trustProxy: readonly string[];
  /** Failed session completions per client address (session-guard.ts); same stores as authFailures. */
  completionFailures: AuthFailureLimiter;
  /** CARDFRAME_FORWARD_SECURITY_CODE: whether forward consumes the CVC (default) or may reuse it. */
  forwardSecurityCode: ForwardSecurityCodePolicy;
}
