import { createFieldCipher } from './crypto/field-cipher.ts';
import { deriveKeys } from './crypto/derive-keys.ts';
import { fingerprintCandidates, formatFingerprint } from './crypto/fingerprints.ts';
import type { KeyStore } from './crypto/key-store.ts';
import { ROTATION_BATCH } from './crypto/rotate-data-keys.ts';
import { createJweKeyring } from './crypto/jwe-keyring.ts';
import { DEFAULT_COMPLETION_FAILURE_POLICY } from './domain/session-guard.ts';
import type { VaultDeps } from './domain/vault-deps.ts';
import type { ForwardSecurityCodePolicy } from './config.ts';
import { createMemoryAuthFailureLimiter, type AuthFailureLimiter } from './ephemeral/auth-failure-limiter.ts';
import type { SecurityCodeStore } from './ephemeral/security-code-store.ts';
import type { ForwardRule } from './forward/forward-allowlist.ts';
import { createSecurityCodeVault } from './ephemeral/security-code-vault.ts';
import { applyLifecycleEvent } from './network/network-tokens.ts';
import { createSandboxProvider } from './network/sandbox-provider.ts';
import type { TokenServiceProvider } from './network/token-service-provider.ts';
import type { DbHandle } from './storage/create-db.ts';
import { createReadinessCheck } from './health/readiness.ts';
import path from 'node:path';
import type { WebhookNetworkPolicy } from './webhooks/webhook-address-policy.ts';

export interface BuildDepsInput {
  handle: DbHandle;
  masterKey: Buffer;
  securityCodeStore: SecurityCodeStore;
  adminTokenHash: string;
  publicUrl: string;
  allowedOrigins: readonly string[];
  /** CARDFRAME_FONT_ORIGINS; none by default. */
  fontOrigins?: readonly string[];
  /** CARDFRAME_FONT_DIR; none by default. */
  fontDir?: string | undefined;
  sessionTtlSeconds: number;
  securityCodeTtlSeconds: number;
  jweKeyRotationSeconds: number;
  /** 2048 by default; see the bench for 3072. */
  rsaModulusLength?: number;
  frameDir: string;
  sdkDir: string;
  hellgateDir: string;
  now?: () => number;
  forwardAllowlist?: readonly ForwardRule[];
  /** 30 s by default. */
  forwardTimeoutMs?: number;
  /** 'public-only' by default. */
  webhookNetworkPolicy?: WebhookNetworkPolicy;
  /** In memory with the default policy unless given (server.ts passes Redis's with REDIS_URL). */
  authFailures?: AuthFailureLimiter;
  /** SQLite: /readyz reports the disk full below this many free bytes (default 16 MiB). */
  minFreeDiskBytes?: number;
  /** The sandbox (over this database) unless a real provider is given. */
  tokenServiceProvider?: TokenServiceProvider;
  /** 10 s by default. */
  networkTokenTimeoutMs?: number;
  networkInlineCryptograms?: boolean;
  /** 3600 by default. */
  ephemeralTokenTtlSeconds?: number;
  /** CARDFRAME_TRUST_PROXY entries; none by default. */
  trustProxy?: readonly string[];
  /** In memory with the default policy unless given (server.ts passes Redis's with REDIS_URL). */
  completionFailures?: AuthFailureLimiter;
  /** The wrapped data keys (openKeyStore); without it every key is derived from the master key as version 1. */
  keyStore?: KeyStore;
  /** 0 by default (one process); server.ts passes two sweep intervals. */
  keyRefreshMs?: number;
  /** 'single-use' by default. */
  forwardSecurityCode?: ForwardSecurityCodePolicy;
  /** 200 rows per batch, no pause, by default. */
  keyRotation?: { batchSize: number; pauseMs: number };
}

/** Derives the keys and wires the domain's dependencies. Pure wiring: opening stores is the caller's job. */
export function buildDeps(input: BuildDepsInput): VaultDeps {
  const keys = deriveKeys(input.masterKey);
  const store = input.keyStore;
  const cipherFor = (purpose: 'field' | 'security_code' | 'generic_payload', legacy: Buffer) =>
    store ? createFieldCipher(store.versions[purpose], () => store.active(purpose)) : createFieldCipher(new Map([[1, legacy]]), 1);
  const cipher = store ? cipherFor('field', keys.field.get(1)!) : createFieldCipher(keys.field, keys.fieldVersion);
  const cvcCipher = cipherFor('security_code', keys.securityCode);
  const fingerprintVersions = store ? store.versions.fingerprint : new Map([[1, keys.fingerprint]]);
  const fingerprintVersion = () => (store ? store.active('fingerprint') : 1);
  const now = input.now ?? Date.now;
  const deps: VaultDeps = {
    db: input.handle.db,
    cipher,
    fingerprint: (pan) => formatFingerprint(fingerprintVersion(), fingerprintVersions.get(fingerprintVersion())!, pan),
    fingerprintCandidates: (pan) => fingerprintCandidates(fingerprintVersions, pan),
    ...(store ? { keyStore: store } : {}),
    keyRefreshMs: input.keyRefreshMs ?? 0,
    keyRotation: input.keyRotation ?? { batchSize: ROTATION_BATCH, pauseMs: 0 },
    keyring: createJweKeyring({
      db: input.handle.db,
      cipher,
      rotationSeconds: input.jweKeyRotationSeconds,
      modulusLength: input.rsaModulusLength ?? 2048,
      now,
    }),
    securityCodes: createSecurityCodeVault(input.securityCodeStore, cvcCipher, input.securityCodeTtlSeconds),
    securityCodeStore: input.securityCodeStore,
    adminTokenHash: input.adminTokenHash,
    publicUrl: input.publicUrl,
    allowedOrigins: input.allowedOrigins,
    fontOrigins: input.fontOrigins ?? [],
    fontDir: input.fontDir,
    sessionTtlSeconds: input.sessionTtlSeconds,
    securityCodeTtlSeconds: input.securityCodeTtlSeconds,
    frameDir: input.frameDir,
    sdkDir: input.sdkDir,
    hellgateDir: input.hellgateDir,
    now,
    genericCipher: cipherFor('generic_payload', keys.genericPayload),
    forwardAllowlist: input.forwardAllowlist ?? [],
    forwardTimeoutMs: input.forwardTimeoutMs ?? 30_000,
    webhookNetworkPolicy: input.webhookNetworkPolicy ?? 'public-only',
    authFailures: input.authFailures ?? createMemoryAuthFailureLimiter(undefined, now),
    ready: createReadinessCheck({
      db: input.handle.db,
      engine: input.handle.engine,
      dataDir: input.handle.file ? path.dirname(input.handle.file) : undefined,
      store: input.securityCodeStore,
      ...(input.minFreeDiskBytes !== undefined ? { minFreeDiskBytes: input.minFreeDiskBytes } : {}),
    }),
    tokenServiceProvider:
      input.tokenServiceProvider ??
      createSandboxProvider({
        db: input.handle.db,
        cipher,
        fingerprint: (pan) => deps.fingerprint(pan),
        fingerprintCandidates: (pan) => deps.fingerprintCandidates(pan),
        now,
      }),
    networkTokenTimeoutMs: input.networkTokenTimeoutMs ?? 10_000,
    networkInlineCryptograms: input.networkInlineCryptograms ?? false,
    ephemeralTokenTtlSeconds: input.ephemeralTokenTtlSeconds ?? 3600,
    trustProxy: input.trustProxy ?? [],
    forwardSecurityCode: input.forwardSecurityCode ?? 'single-use',
    completionFailures: input.completionFailures ?? createMemoryAuthFailureLimiter(DEFAULT_COMPLETION_FAILURE_POLICY, now),
  };
  // The provider's lifecycle callbacks land here: status recorded, webhook enqueued.
  deps.tokenServiceProvider.onLifecycle(async (event) => {
    await applyLifecycleEvent(deps, event);
  });
  return deps;
}
