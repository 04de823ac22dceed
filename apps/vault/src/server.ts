import { hashSecret } from './domain/api-keys.ts';
import { createApp } from './app.ts';
import { buildDeps } from './build-deps.ts';
import { ConfigError, loadConfig } from './config.ts';
import { MasterKeyLocationError, resolveMasterKey } from './crypto/master-key-source.ts';
import { ensureAdminToken } from './domain/admin-token.ts';
import { sweep } from './domain/sweep.ts';
import { sweepGenericTokens } from './generic/sweep-generic-tokens.ts';
import { pruneDeliveries } from './webhooks/prune-deliveries.ts';
import { startWebhookWorker } from './webhooks/start-webhook-worker.ts';
import { createMemorySecurityCodeStore } from './ephemeral/memory-security-code-store.ts';
import { createRedisSecurityCodeStore } from './ephemeral/redis-security-code-store.ts';
import { createMemoryAuthFailureLimiter, createRedisAuthFailureLimiter } from './ephemeral/auth-failure-limiter.ts';
import { createLogger } from './logger.ts';
import { randomUUID } from 'node:crypto';
import { openKeyStore } from './crypto/key-store.ts';
import { resumeRotations } from './crypto/rotate-field-keys.ts';
import { recordAudit } from './audit/audit-log.ts';
import { writeOperatorSecret } from './operator-secret-file.ts';
import { DEFAULT_COMPLETION_FAILURE_POLICY } from './domain/session-guard.ts';
import { createDb } from './storage/create-db.ts';
import { currentSchema, migrateToLatest } from './storage/migrations.ts';

/** Request lines are written in chunks of this size (see createLogger), and at least every second. */
const LOG_BUFFER_BYTES = 4096;

/** The edge: read the environment, open the stores, serve, and close cleanly on a signal. */
async function main() {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`cardframe vault: configuration error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel, file: config.logFile, bufferBytes: LOG_BUFFER_BYTES });
  // A quiet vault still shows its last requests within a second.
  setInterval(() => logger.flush(), 1000).unref();

  let resolved;
  try {
    resolved = resolveMasterKey(config);
  } catch (error) {
    if (error instanceof MasterKeyLocationError) {
      console.error(`cardframe vault: master key: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const masterKey = resolved.key;
  if (resolved.createdFile) {
    console.log(
      `cardframe vault: development mode: generated a master key in ${resolved.createdFile} (mode 0600), beside the data. ` +
        'Never run production like this (README, "Backups and the master key").',
    );
  }

  const handle = createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(handle.db, handle.engine === 'postgres' ? await currentSchema(handle.db) : undefined);
  const admin = await ensureAdminToken(handle.db, config.adminToken);
  if (admin.generated) {
    // Never on stdout (the request log) and never in a log line: a 0600 file, announced on stderr.
    const file = writeOperatorSecret(config.dataDir, `admin-token-${Date.now()}`, admin.generated);
    console.error(
      `cardframe vault: ======== ADMIN TOKEN ========\n` +
        `cardframe vault: generated an admin token (stored hashed) and wrote it to ${file} (mode 0600).\n` +
        `cardframe vault: move it to your secret store and delete the file; it is not shown again.`,
    );
  }

  const memoryStore = config.redisUrl ? undefined : createMemorySecurityCodeStore();
  const store = config.redisUrl ? createRedisSecurityCodeStore(config.redisUrl) : memoryStore!;
  const authPolicy = { maxFailures: config.authFailureLimit, windowSeconds: config.authFailureWindowSeconds };
  const authFailures = config.redisUrl
    ? createRedisAuthFailureLimiter(config.redisUrl, authPolicy)
    : createMemoryAuthFailureLimiter(authPolicy);
  // Failed session completions per client (issue 13, finding 7): the same window, its own keys.
  const completionFailures = config.redisUrl
    ? createRedisAuthFailureLimiter(config.redisUrl, DEFAULT_COMPLETION_FAILURE_POLICY, 'cardframe:completefail:')
    : createMemoryAuthFailureLimiter(DEFAULT_COMPLETION_FAILURE_POLICY);
  // Data keys live wrapped in the database; a previous master key, if given, is rotated out now.
  const keyStore = await openKeyStore(handle.db, masterKey, { previousMaster: config.previousMasterKey });
  if (keyStore.rewrapped > 0) {
    const now = Date.now();
    await handle.db
      .insertInto('key_rotations')
      .values({ id: randomUUID(), kind: 'master', state: 'done', from_version: null, to_version: null, cursor: null, done: keyStore.rewrapped, total: keyStore.rewrapped, lease_until: null, started_at: now, updated_at: now, finished_at: now })
      .execute();
    console.error(`cardframe vault: re-wrapped ${keyStore.rewrapped} data keys under the new master key; CARDFRAME_PREVIOUS_MASTER_KEY can now be removed.`);
  }
  const deps = buildDeps({
    handle,
    keyStore,
    // Processes refresh their keys on every sweep: a rotation waits two sweeps for writers still on the old key.
    keyRefreshMs: 2 * config.sweepIntervalSeconds * 1000,
    completionFailures,
    masterKey,
    authFailures,
    securityCodeStore: store,
    adminTokenHash: admin.hash ?? hashSecret(config.adminToken!),
    publicUrl: config.publicUrl,
    allowedOrigins: config.allowedOrigins,
    sessionTtlSeconds: config.sessionTtlSeconds,
    securityCodeTtlSeconds: config.securityCodeTtlSeconds,
    jweKeyRotationSeconds: config.jweKeyRotationSeconds,
    frameDir: config.frameDir,
    sdkDir: config.sdkDir,
    forwardAllowlist: config.forwardAllowlist,
    forwardTimeoutMs: config.forwardTimeoutMs,
    webhookNetworkPolicy: config.webhookNetworkPolicy,
    trustProxy: config.trustProxy,
    forwardSecurityCode: config.forwardSecurityCode,
  });
  await deps.keyring.current();
  if (keyStore.rewrapped > 0) {
    await recordAudit(deps, { actor: 'operator', client: 'local', action: 'key_rotation.master', outcome: 'success', detail: { rewrapped: keyStore.rewrapped } });
  }
  const app = await createApp(deps, { logger });
  void resumeRotations(deps).catch((error: Error) => logger.warn({ err: { type: error.name } }, 'key rotation resume failed'));

  const sweeper = setInterval(() => {
    memoryStore?.sweep();
    // Learn key rotations started by other processes, and pick up a rotation whose holder died.
    keyStore
      .refresh()
      .then(() => resumeRotations(deps))
      .catch((error: Error) => logger.warn({ err: { type: error.name } }, 'key refresh failed'));
    sweep(deps).then(
      (counts) => logger.debug({ counts }, 'sweep'),
      (error: Error) => logger.warn({ err: { type: error.name } }, 'sweep failed'),
    );
    Promise.all([sweepGenericTokens(deps), pruneDeliveries(deps)]).then(
      ([genericTokens, deliveries]) => logger.debug({ genericTokens, deliveries }, 'sweep extras'),
      (error: Error) => logger.warn({ err: { type: error.name } }, 'sweep extras failed'),
    );
  }, config.sweepIntervalSeconds * 1000);
  sweeper.unref();
  const webhooks = startWebhookWorker(deps, {
    intervalMs: config.webhookIntervalSeconds * 1000,
    onError: (error) => logger.warn({ err: { type: error.name } }, 'webhook run failed'),
  });

  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    clearInterval(sweeper);
    await webhooks.stop();
    await app.close();
    await store.close();
    await authFailures.close();
    await completionFailures.close();
    await handle.db.destroy();
    process.exit(0);
  };
  process.on('SIGTERM', () => void close('SIGTERM'));
  process.on('SIGINT', () => void close('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  console.log(`cardframe vault: listening on ${config.publicUrl} (${handle.engine}${config.redisUrl ? ' + redis' : ''})`);
}

main().catch((error: Error) => {
  console.error(`cardframe vault: failed to start: ${error.message}`);
  process.exit(1);
});
