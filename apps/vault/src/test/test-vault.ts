import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CompactEncrypt, importJWK } from 'jose';
import pg from 'pg';
import type { FastifyBaseLogger } from 'fastify';
import { createApp, type AppOptions, type VaultApp } from '../app.ts';
import { buildDeps } from '../build-deps.ts';
import { hashSecret } from '../domain/api-keys.ts';
import type { VaultDeps } from '../domain/vault-deps.ts';
import { createMemorySecurityCodeStore } from '../ephemeral/memory-security-code-store.ts';
import { createRedisSecurityCodeStore } from '../ephemeral/redis-security-code-store.ts';
import type { WebhookNetworkPolicy } from '../webhooks/webhook-address-policy.ts';
import {
  createMemoryAuthFailureLimiter,
  createSharedFailureLimiter,
  DEFAULT_AUTH_FAILURE_POLICY,
  type AuthFailurePolicy,
} from '../ephemeral/auth-failure-limiter.ts';
import type { SecurityCodeStore } from '../ephemeral/security-code-store.ts';
import type { ForwardRule } from '../forward/forward-allowlist.ts';
import { DEFAULT_COMPLETION_FAILURE_POLICY } from '../domain/session-guard.ts';
import { openKeyStore } from '../crypto/key-store.ts';
import { createDb, type DbHandle, type DbOptions } from '../storage/create-db.ts';
import { migrateToLatest } from '../storage/migrations.ts';

export const backend = (process.env.CARDFRAME_TEST_BACKEND ?? 'sqlite') as 'sqlite' | 'postgres';
export const PG_URL = process.env.CARDFRAME_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.CARDFRAME_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdefghijklmnop';
export const admin = { 'x-admin-token': ADMIN_TOKEN };

export interface TestVault {
  app: VaultApp;
  deps: VaultDeps;
  handle: DbHandle;
  dataDir: string;
  schema: string;
  masterKey: Buffer;
  /** Moves the clock used by the vault (sessions, expiry, sweeper). */
  advance(ms: number): void;
  close(): Promise<void>;
}

export interface TestVaultOptions {
  logger?: FastifyBaseLogger;
  allowedOrigins?: string[];
  /** CARDFRAME_FONT_ORIGINS and CARDFRAME_FONT_DIR (default none). */
  fontOrigins?: string[];
  fontDir?: string;
  frameDir?: string;
  sdkDir?: string;
  hellgateDir?: string;
  sessionTtlSeconds?: number;
  poolSize?: number;
  /** Another "process" over the same database, ephemeral store and master key as `peerOf`. */
  peerOf?: TestVault;
  /** Seconds per JWE key (default one day). */
  jweKeyRotationSeconds?: number;
  /** CARDFRAME_FORWARD_ALLOWLIST entries (default none) and the forward timeout. */
  forwardAllowlist?: readonly ForwardRule[];
  forwardTimeoutMs?: number;
  /** Tests receive webhooks on loopback, so private networks are allowed unless a test says otherwise. */
  webhookNetworkPolicy?: WebhookNetworkPolicy;
  /** Failed authentications allowed per window (default: the production policy). */
  authFailurePolicy?: AuthFailurePolicy;
  /** Postgres/Redis through another address (a fault-injecting proxy) instead of the shared servers. */
  databaseUrl?: string;
  redisUrl?: string;
  pgTimeouts?: DbOptions['timeouts'];
  /** Replaces the backend's security-code store (a store that fails on demand). */
  securityCodeStore?: (store: SecurityCodeStore) => SecurityCodeStore;
  /** HTTP socket bounds (slow-body tests shorten them); and the drain flag. */
  httpTimeouts?: AppOptions['timeouts'];
  draining?: () => boolean;
  /** Postgres application_name, so a test can terminate exactly its own backends. */
  applicationName?: string;
  /** CARDFRAME_TRUST_PROXY entries (default none). */
  trustProxy?: string[];
  /** Failed session completions allowed per client and window (default: the production policy). */
  completionFailurePolicy?: AuthFailurePolicy;
  /** CARDFRAME_FORWARD_SECURITY_CODE (default single-use). */
  forwardSecurityCode?: 'single-use' | 'reusable';
  /** Another master key (a master rotation), and the one it replaces. */
  masterKey?: Buffer;
  previousMasterKey?: Buffer;
  /** deps.keyRefreshMs (default 0). */
  keyRefreshMs?: number;
}

/**
 * A vault on the backend chosen by CARDFRAME_TEST_BACKEND: SQLite in a temp dir + memory store,
 * or a fresh Postgres schema + a Redis key prefix, both removed by `close()`.
 */
export async function createTestVault(options: TestVaultOptions = {}): Promise<TestVault> {
  const peer = options.peerOf;
  const dataDir = peer?.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'vault-test-'));
  let offset = 0;
  const now = () => Date.now() + offset;
  const schema = peer?.schema ?? `t_${randomBytes(6).toString('hex')}`;
  const masterKey = options.masterKey ?? peer?.masterKey ?? randomBytes(32);
  if (backend === 'postgres' && !peer) {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.end();
  }
  // An SQLite data dir belongs to one process (ADR 0006), so a peer there is a second app in the
  // same process over the owner's connection; on Postgres it has a pool of its own, as a second
  // process would.
  const sharesHandle = peer !== undefined && backend === 'sqlite';
  const handle = sharesHandle
    ? peer.handle
    : createDb({
        databaseUrl: backend === 'postgres' ? (options.databaseUrl ?? PG_URL) : undefined,
        dataDir,
        schema,
        poolSize: options.poolSize ?? 10,
        ...(options.pgTimeouts ? { timeouts: options.pgTimeouts } : {}),
        ...(options.applicationName ? { applicationName: options.applicationName } : {}),
      });
  await migrateToLatest(handle.db, backend === 'postgres' ? schema : undefined);
  const redisUrl = options.redisUrl ?? REDIS_URL;
  const baseStore = backend === 'postgres' ? createRedisSecurityCodeStore(redisUrl, `test:${schema}:cvc:`) : createMemorySecurityCodeStore(now);
  const store = options.securityCodeStore ? options.securityCodeStore(baseStore) : baseStore;
  // As server.ts wires them: Redis shared, failing open to a per-process count.
  const completionPolicy = options.completionFailurePolicy ?? DEFAULT_COMPLETION_FAILURE_POLICY;
  const authFailures =
    backend === 'postgres'
      ? createSharedFailureLimiter(redisUrl, options.authFailurePolicy ?? DEFAULT_AUTH_FAILURE_POLICY, { prefix: `test:${schema}:authfail:`, now })
      : createMemoryAuthFailureLimiter(options.authFailurePolicy, now);
  const completionFailures =
    backend === 'postgres'
      ? createSharedFailureLimiter(redisUrl, completionPolicy, { prefix: `test:${schema}:completefail:`, now })
      : createMemoryAuthFailureLimiter(completionPolicy, now);
  const keyStore = await openKeyStore(handle.db, masterKey, { now, previousMaster: options.previousMasterKey });
  const deps = buildDeps({
    handle,
    keyStore,
    completionFailures,
    masterKey,
    authFailures,
    securityCodeStore: store,
    adminTokenHash: hashSecret(ADMIN_TOKEN),
    publicUrl: 'https://vault.test',
    allowedOrigins: options.allowedOrigins ?? ['https://shop.test'],
    ...(options.fontOrigins ? { fontOrigins: options.fontOrigins } : {}),
    ...(options.fontDir ? { fontDir: options.fontDir } : {}),
    sessionTtlSeconds: options.sessionTtlSeconds ?? 900,
    securityCodeTtlSeconds: 3600,
    jweKeyRotationSeconds: options.jweKeyRotationSeconds ?? 86_400,
    frameDir: options.frameDir ?? path.join(dataDir, 'frame'),
    sdkDir: options.sdkDir ?? path.join(dataDir, 'sdk'),
    hellgateDir: options.hellgateDir ?? path.join(dataDir, 'hellgate'),
    now,
    ...(options.forwardAllowlist ? { forwardAllowlist: options.forwardAllowlist } : {}),
    ...(options.forwardTimeoutMs ? { forwardTimeoutMs: options.forwardTimeoutMs } : {}),
    webhookNetworkPolicy: options.webhookNetworkPolicy ?? 'any',
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
    ...(options.forwardSecurityCode ? { forwardSecurityCode: options.forwardSecurityCode } : {}),
    ...(options.keyRefreshMs ? { keyRefreshMs: options.keyRefreshMs } : {}),
  });
  const app = await createApp(deps, {
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.httpTimeouts ? { timeouts: options.httpTimeouts } : {}),
    ...(options.draining ? { draining: options.draining } : {}),
  });
  await app.ready();
  return {
    app,
    deps,
    handle,
    dataDir,
    schema,
    masterKey,
    advance(ms) {
      offset += ms;
    },
    async close() {
      await app.close();
      await baseStore.close();
      await authFailures.close();
      await completionFailures.close();
      if (!sharesHandle) await handle.db.destroy();
      if (peer) return;
      if (backend === 'postgres') {
        const client = new pg.Client({ connectionString: PG_URL });
        await client.connect();
        await client.query(`DROP SCHEMA ${schema} CASCADE`);
        await client.end();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Encrypts claims to the session's JWK exactly as the frame does. */
export async function encryptForSession(app: VaultApp, sessionId: string, claims: Record<string, unknown>): Promise<string> {
  const state = (await app.inject({ method: 'GET', url: `/api/sessions/${sessionId}` })).json();
  const key = await importJWK(state.data.jwk, 'RSA-OAEP-256');
  return new CompactEncrypt(new TextEncoder().encode(JSON.stringify(claims)))
    .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: state.data.jwk.kid })
    .encrypt(key);
}

export async function createSessionId(app: VaultApp, headers: Record<string, string> = admin, body: object = {}) {
  const res = await app.inject({ method: 'POST', url: '/api/pci/tokens', headers, payload: { source: { type: 'session' }, ...body } });
  return res.json().session_id as string;
}

/** A year that is always in the future, so fixtures never expire. */
export const FUTURE_YEAR = new Date().getUTCFullYear() + 3;
export const VISA = '4111111111111111';
export const MASTERCARD = '5555555555554444';
