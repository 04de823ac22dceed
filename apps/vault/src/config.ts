import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { isLoopbackHost } from '@cardframe/protocol';
import { ForwardAllowlistError, parseForwardAllowlist, type ForwardRule } from './forward/forward-allowlist.ts';
import { parseTrustProxy, TrustProxyError } from './http/trust-proxy.ts';
import type { WebhookNetworkPolicy } from './webhooks/webhook-address-policy.ts';
import { parseProviderSpec, type ProviderSpec } from './network/load-provider.ts';

/** Everything the vault reads from the environment, parsed once at the edge. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  masterKey: Buffer | undefined;
  /** CARDFRAME_PREVIOUS_MASTER_KEY: the master key being replaced; its wrapped keys are re-wrapped at start. */
  previousMasterKey: Buffer | undefined;
  /** CARDFRAME_MASTER_KEY_FILE / _COMPONENTS and CARDFRAME_DEV_MODE: see crypto/master-key-source.ts. */
  masterKeyFile: string | undefined;
  masterKeyComponents: [string, string] | undefined;
  devMode: boolean;
  adminToken: string | undefined;
  publicUrl: string;
  allowedOrigins: string[];
  /** CARDFRAME_FONT_ORIGINS: origins of merchant font files, added to the frame's `font-src` and nowhere else (ADR 0034). */
  fontOrigins: string[];
  /** CARDFRAME_FONT_DIR: woff2 files the vault serves at /frame/v1/fonts/, under `font-src 'self'`; undefined: none. */
  fontDir: string | undefined;
  sessionTtlSeconds: number;
  securityCodeTtlSeconds: number;
  jweKeyRotationSeconds: number;
  sweepIntervalSeconds: number;
  /** CARDFRAME_KEY_ROTATION_BATCH rows per committed batch, CARDFRAME_KEY_ROTATION_PAUSE ms between batches. */
  keyRotation: { batchSize: number; pauseMs: number };
  frameDir: string;
  sdkDir: string;
  /** The built @cardframe/hellgate script (CARDFRAME_HELLGATE_DIR), served like the SDK under /hellgate/. */
  hellgateDir: string;
  logLevel: string;
  logFile: string | undefined;
  /** CARDFRAME_FORWARD_ALLOWLIST: origins or URL prefixes the forward proxy may call (README, "Forward"). */
  forwardAllowlist: ForwardRule[];
  forwardTimeoutMs: number;
  webhookIntervalSeconds: number;
  webhookNetworkPolicy: WebhookNetworkPolicy;
  authFailureLimit: number;
  authFailureWindowSeconds: number;
  /** SQLite: /readyz reports the disk full below this many free MiB. */
  minFreeDiskMb: number;
  /** The in-memory CVC store's bounds (without REDIS_URL). */
  securityCodeMaxEntries: number;
  securityCodeMaxMb: number;
  /** Whole-request bound (headers and body); a real client never comes near it. */
  requestTimeoutSeconds: number;
  /** CARDFRAME_METRICS_PORT: the Prometheus listener (GET /metrics); undefined: none. */
  metricsPort: number | undefined;
  /** CARDFRAME_METRICS_HOST: its interface, loopback unless the scraper is elsewhere. */
  metricsHost: string;
  /** CARDFRAME_TRUST_PROXY: proxies allowed to name the client in X-Forwarded-For (README, "Behind a proxy"). */
  trustProxy: string[];
  /** CARDFRAME_FORWARD_SECURITY_CODE: 'single-use' (default) or 'reusable' until the TTL. */
  forwardSecurityCode: ForwardSecurityCodePolicy;
  /** Network tokens and Hellgate-style sessions (issue 12; README, "Network tokens"). */
  network: NetworkConfig;
}

export interface NetworkConfig {
  /** CARDFRAME_NETWORK_TOKEN_PROVIDER: `sandbox` or `module:<path>` (the real-provider slot). */
  provider: ProviderSpec;
  /** CARDFRAME_NETWORK_TOKEN_TIMEOUT (s): each call to the provider. */
  timeoutMs: number;
  /** CARDFRAME_NETWORK_INLINE_CRYPTOGRAMS=allow: cryptograms and token numbers in API responses (SAQ-D only). */
  inlineCryptograms: boolean;
  /** CARDFRAME_EPHEMERAL_TOKEN_TTL (s): the lifetime a session's `ephemeral: true` claim gives a token. */
  ephemeralTokenTtlSeconds: number;
}

export type ForwardSecurityCodePolicy = 'single-use' | 'reusable';

/** Thrown with a message meant for the operator's terminal. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const repoRoot = path.resolve(import.meta.dirname, '../../..');

/**
 * The built frame or SDK: an installed vault carries them next to its bundle (the vault's build copies them into
 * dist/), a vault run from the repository's sources reads the workspaces' own builds.
 */
function builtAssetsDir(name: 'frame' | 'sdk' | 'hellgate'): string {
  const bundled = path.join(import.meta.dirname, name);
  return existsSync(bundled) ? bundled : path.join(repoRoot, 'packages', name, 'dist');
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

/** Accepts exactly `scheme://host[:port]`: a framing allowlist must never contain paths or wildcards. */
export function parseOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`CARDFRAME_ALLOWED_ORIGINS: "${value}" is not an origin (scheme://host[:port])`);
  }
  const hostOk = /^[a-z0-9.-]+$/i.test(url.hostname) || /^\[[0-9a-f:.]+\]$/i.test(url.hostname);
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== value || !hostOk) {
    throw new ConfigError(`CARDFRAME_ALLOWED_ORIGINS: "${value}" is not an origin (scheme://host[:port])`);
  }
  return url.origin;
}

/**
 * One CARDFRAME_FONT_ORIGINS entry: exactly `https://host[:port]` (plain http only on loopback hosts, for
 * development). The value is written into the frame's CSP, so anything but a bare origin (a path, `*`,
 * a keyword such as `'unsafe-inline'` or `data:`, a `;` that would start a directive) is refused at start-up.
 */
export function parseFontOrigin(value: string): string {
  const refuse = (): never => {
    throw new ConfigError(`CARDFRAME_FONT_ORIGINS: "${value}" is not an https origin (https://host[:port]; http only on loopback)`);
  };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return refuse();
  }
  const hostOk = /^[a-z0-9.-]+$/i.test(url.hostname) || url.hostname === '[::1]';
  const schemeOk = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  if (!hostOk || !schemeOk || url.origin !== value) refuse();
  return url.origin;
}

function fontDir(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  const dir = path.resolve(raw);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ConfigError(`CARDFRAME_FONT_DIR: "${raw}" is not a directory`);
  return dir;
}

function masterKey(raw: string | undefined, name = 'CARDFRAME_MASTER_KEY'): Buffer | undefined {
  if (raw === undefined || raw === '') return undefined;
  const key = Buffer.from(raw, 'base64');
  if (key.length !== 32 || key.toString('base64') !== raw.replace(/\s/g, '')) {
    throw new ConfigError(`${name} must be 32 bytes encoded as base64 (44 characters)`);
  }
  return key;
}

/** Parses the environment once; throws {@link ConfigError} with a readable message on the first bad value. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const port = int(env, 'PORT', 8080, 0, 65535);
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// URL (leave it unset for the embedded SQLite)');
  }
  const redisUrl = env.REDIS_URL || undefined;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new ConfigError('REDIS_URL must be a redis:// or rediss:// URL');
  const adminToken = env.CARDFRAME_ADMIN_TOKEN || undefined;
  if (adminToken !== undefined && adminToken.length < 32) {
    throw new ConfigError('CARDFRAME_ADMIN_TOKEN must be at least 32 characters');
  }
  const publicUrl = (env.CARDFRAME_PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    new URL(publicUrl);
  } catch {
    throw new ConfigError(`CARDFRAME_PUBLIC_URL must be an absolute URL, got "${publicUrl}"`);
  }
  const allowedOrigins = (env.CARDFRAME_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(parseOrigin);
  return {
    port,
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.CARDFRAME_DATA_DIR || './data'),
    databaseUrl,
    redisUrl,
    masterKey: masterKey(env.CARDFRAME_MASTER_KEY),
    previousMasterKey: masterKey(env.CARDFRAME_PREVIOUS_MASTER_KEY, 'CARDFRAME_PREVIOUS_MASTER_KEY'),
    masterKeyFile: env.CARDFRAME_MASTER_KEY_FILE ? path.resolve(env.CARDFRAME_MASTER_KEY_FILE) : undefined,
    masterKeyComponents: masterKeyComponents(env.CARDFRAME_MASTER_KEY_COMPONENTS),
    devMode: devMode(env.CARDFRAME_DEV_MODE),
    adminToken,
    publicUrl,
    allowedOrigins,
    fontOrigins: (env.CARDFRAME_FONT_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map(parseFontOrigin),
    fontDir: fontDir(env.CARDFRAME_FONT_DIR),
    sessionTtlSeconds: int(env, 'CARDFRAME_SESSION_TTL', 900, 10, 86_400),
    // One hour: long enough for a merchant to authorize after checkout, short enough that a CVC is not "stored".
    securityCodeTtlSeconds: int(env, 'CARDFRAME_SECURITY_CODE_TTL', 3600, 10, 86_400),
    jweKeyRotationSeconds: int(env, 'CARDFRAME_JWE_KEY_ROTATION', 86_400, 60, 31_536_000),
    sweepIntervalSeconds: int(env, 'CARDFRAME_SWEEP_INTERVAL', 60, 1, 86_400),
    // A pause between batches spares a database that also serves payments; the default takes none.
    keyRotation: {
      batchSize: int(env, 'CARDFRAME_KEY_ROTATION_BATCH', 200, 1, 10_000),
      pauseMs: int(env, 'CARDFRAME_KEY_ROTATION_PAUSE', 0, 0, 60_000),
    },
    frameDir: path.resolve(env.CARDFRAME_FRAME_DIR || builtAssetsDir('frame')),
    sdkDir: path.resolve(env.CARDFRAME_SDK_DIR || builtAssetsDir('sdk')),
    hellgateDir: path.resolve(env.CARDFRAME_HELLGATE_DIR || builtAssetsDir('hellgate')),
    logLevel: env.LOG_LEVEL || 'info',
    logFile: env.CARDFRAME_LOG_FILE || undefined,
    forwardAllowlist: forwardAllowlist(env.CARDFRAME_FORWARD_ALLOWLIST),
    forwardTimeoutMs: int(env, 'CARDFRAME_FORWARD_TIMEOUT', 30, 1, 300) * 1000,
    webhookIntervalSeconds: int(env, 'CARDFRAME_WEBHOOK_INTERVAL', 5, 1, 3600),
    webhookNetworkPolicy: webhookNetworkPolicy(env.CARDFRAME_WEBHOOK_PRIVATE_NETWORKS),
    authFailureLimit: int(env, 'CARDFRAME_AUTH_FAILURE_LIMIT', 30, 1, 100_000),
    authFailureWindowSeconds: int(env, 'CARDFRAME_AUTH_FAILURE_WINDOW', 60, 1, 86_400),
    minFreeDiskMb: int(env, 'CARDFRAME_MIN_FREE_DISK_MB', 16, 0, 1_000_000),
    securityCodeMaxEntries: int(env, 'CARDFRAME_SECURITY_CODE_MAX_ENTRIES', 200_000, 1, 100_000_000),
    securityCodeMaxMb: int(env, 'CARDFRAME_SECURITY_CODE_MAX_MB', 64, 1, 1_000_000),
    requestTimeoutSeconds: int(env, 'CARDFRAME_REQUEST_TIMEOUT', 30, 1, 600),
    metricsPort: env.CARDFRAME_METRICS_PORT ? int(env, 'CARDFRAME_METRICS_PORT', 0, 1, 65535) : undefined,
    metricsHost: env.CARDFRAME_METRICS_HOST || '127.0.0.1',
    trustProxy: trustProxy(env.CARDFRAME_TRUST_PROXY),
    forwardSecurityCode: forwardSecurityCode(env.CARDFRAME_FORWARD_SECURITY_CODE),
    network: networkConfig(env),
  };
}

function networkConfig(env: NodeJS.ProcessEnv): NetworkConfig {
  const provider = parseProviderSpec(env.CARDFRAME_NETWORK_TOKEN_PROVIDER);
  if (typeof provider === 'string') throw new ConfigError(provider);
  const inline = env.CARDFRAME_NETWORK_INLINE_CRYPTOGRAMS;
  if (inline !== undefined && inline !== '' && inline !== 'allow' && inline !== 'deny') {
    throw new ConfigError(`CARDFRAME_NETWORK_INLINE_CRYPTOGRAMS must be "allow" or "deny", got "${inline}"`);
  }
  return {
    provider,
    timeoutMs: int(env, 'CARDFRAME_NETWORK_TOKEN_TIMEOUT', 10, 1, 120) * 1000,
    inlineCryptograms: inline === 'allow',
    ephemeralTokenTtlSeconds: int(env, 'CARDFRAME_EPHEMERAL_TOKEN_TTL', 3600, 60, 2_592_000),
  };
}

/** CARDFRAME_WEBHOOK_PRIVATE_NETWORKS=allow lets webhooks reach private and loopback addresses. */
function webhookNetworkPolicy(raw: string | undefined): WebhookNetworkPolicy {
  if (raw === undefined || raw === '' || raw === 'deny') return 'public-only';
  if (raw === 'allow') return 'any';
  throw new ConfigError(`CARDFRAME_WEBHOOK_PRIVATE_NETWORKS must be "allow" or "deny", got "${raw}"`);
}

function forwardAllowlist(raw: string | undefined): ForwardRule[] {
  try {
    return parseForwardAllowlist(raw);
  } catch (error) {
    if (error instanceof ForwardAllowlistError) throw new ConfigError(error.message);
    throw error;
  }
}

function masterKeyComponents(raw: string | undefined): [string, string] | undefined {
  if (raw === undefined || raw === '') return undefined;
  const files = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (files.length !== 2) throw new ConfigError('CARDFRAME_MASTER_KEY_COMPONENTS must name exactly two files, separated by a comma');
  return [path.resolve(files[0]!), path.resolve(files[1]!)];
}

/** Development mode relaxes only where the master key may live (crypto/master-key-source.ts). */
function devMode(raw: string | undefined): boolean {
  if (raw === undefined || raw === '' || raw === '0' || raw === 'false') return false;
  if (raw === '1' || raw === 'true') return true;
  throw new ConfigError(`CARDFRAME_DEV_MODE must be 1 or 0, got "${raw}"`);
}

/** Issue 13, finding 13: a forwarded CVC is consumed unless the operator opts into reuse. */
function forwardSecurityCode(raw: string | undefined): ForwardSecurityCodePolicy {
  if (raw === undefined || raw === '' || raw === 'single-use') return 'single-use';
  if (raw === 'reusable') return 'reusable';
  throw new ConfigError(`CARDFRAME_FORWARD_SECURITY_CODE must be "single-use" or "reusable", got "${raw}"`);
}

function trustProxy(raw: string | undefined): string[] {
  try {
    return parseTrustProxy(raw);
  } catch (error) {
    if (error instanceof TrustProxyError) throw new ConfigError(error.message);
    throw error;
  }
}
