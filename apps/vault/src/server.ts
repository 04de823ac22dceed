import net from 'node:net';
import { version } from '../package.json';
import { helpText, parseCliArgs } from './cli/cli-args.ts';
import { hashSecret } from './domain/api-keys.ts';
import { createApp } from './app.ts';
import { buildDeps } from './build-deps.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { checkMasterKey, MasterKeyMismatchError, recordMasterKey, replaceMasterKeyRecord } from './crypto/master-key-check.ts';
import { MasterKeyMissingError } from './crypto/master-key-file.ts';
import { MasterKeyLocationError, resolveMasterKey } from './crypto/master-key-source.ts';
import { ensureAdminToken } from './domain/admin-token.ts';
import { sweep } from './domain/sweep.ts';
import { sweepGenericTokens } from './generic/sweep-generic-tokens.ts';
import { pruneDeliveries } from './webhooks/prune-deliveries.ts';
import { loadProviderModule } from './network/load-provider.ts';
import { sweepNetworkCryptograms } from './network/network-tokens.ts';
import { startWebhookWorker } from './webhooks/start-webhook-worker.ts';
import { createMemorySecurityCodeStore } from './ephemeral/memory-security-code-store.ts';
import { createRedisSecurityCodeStore } from './ephemeral/redis-security-code-store.ts';
import { createMemoryAuthFailureLimiter, createSharedFailureLimiter } from './ephemeral/auth-failure-limiter.ts';
import { unavailableDependency } from './http/dependency-errors.ts';
import { createLogger } from './logger.ts';
import { createMetricsApp } from './metrics/metrics-app.ts';
import { openKeyStore } from './crypto/key-store.ts';
import { resumeRotations } from './crypto/rotate-data-keys.ts';
import { rotateMasterKey } from './crypto/rotate-master-key.ts';
import { recordAudit } from './audit/audit-log.ts';
import { writeOperatorSecret } from './operator-secret-file.ts';
import { DEFAULT_COMPLETION_FAILURE_POLICY } from './domain/session-guard.ts';
import { createDb } from './storage/create-db.ts';
import { currentSchema, migrateToLatest } from './storage/migrations.ts';

/** Request lines are written in chunks of this size (see createLogger), and at least every second. */
const LOG_BUFFER_BYTES = 4096;

/**
 * After SIGTERM the vault keeps its listener this long, answering every request with
 * `Connection: close` and /readyz with 503, so load balancers and kept-alive clients move away
 * before the listener closes; then in-flight requests finish and the process exits.
 */
const DRAIN_GRACE_MS = 1000;
/** How long a connection accepted just before the listener closed has to send its request. */
const FRESH_CONNECTION_GRACE_MS = 500;

/**
 * A vault started while its database restarts waits for it (up to a minute, one line per attempt)
 * instead of exiting: a dependency outage never costs the process, at start or later.
 */
async function untilDatabaseAnswers<T>(first: () => Promise<T>, logger: { warn(message: string): void }): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await first();
    } catch (error) {
      if (unavailableDependency(error) !== 'database' || attempt >= 60) throw error;
      logger.warn(`database not reachable yet (attempt ${attempt}); retrying in 1 s`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

const fail = (message: string): never => {
  console.error(`cardframe vault: ${message}`);
  process.exit(1);
};

/** The edge: read the environment, open the stores, serve, and close cleanly on a signal. */
async function main() {
  // Flags only print: nothing below (config, data dir, listening) happens for --help or --version.
  const action = parseCliArgs(process.argv.slice(2));
  if (action.kind === 'help') return void process.stdout.write(helpText(version));
  if (action.kind === 'version') return void process.stdout.write(`${version}\n`);
  if (action.kind === 'error') {
    console.error(`cardframe-vault: ${action.message}`);
    process.exit(2);
  }

  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) return fail(`configuration error: ${error.message}`);
    throw error;
  }
  const logger = createLogger({ level: config.logLevel, file: config.logFile, bufferBytes: LOG_BUFFER_BYTES });
  // A quiet vault still shows its last requests within a second.
  setInterval(() => logger.flush(), 1000).unref();

  // A Postgres restart or failover: the pool drops the dead connection and opens a new one on the
  // next query; requests in flight get 503. Logged, never fatal.
  let pgDown = false;
  const handle = createDb({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    onConnectionError: (error) => {
      if (!pgDown) logger.warn({ err: { type: error.name, code: (error as { code?: string }).code } }, 'database connection lost; reconnecting on demand');
      pgDown = true;
      setTimeout(() => (pgDown = false), 5000).unref();
    },
  });

  // The master key is checked against the database before anything is written: a wrong key
  // would otherwise write rows that block the right one, and a lost key must not be replaced. It
  // never lives with the data outside development mode (master-key-source.ts), and a development
  // key is generated only for a database that holds nothing yet.
  let masterKey: Buffer;
  let rotatingMaster = false;
  try {
    const state = await untilDatabaseAnswers(() => checkMasterKey(handle.db, undefined), logger);
    const resolved = resolveMasterKey({ ...config, createDevKey: state === 'empty' });
    masterKey = resolved.key;
    if (resolved.createdFile) {
      console.log(
        `cardframe vault: development mode: generated a master key in ${resolved.createdFile} (mode 0600), beside the data. ` +
          'Never run production like this (README, "Backups and the master key").',
      );
    }
    try {
      await checkMasterKey(handle.db, masterKey);
    } catch (error) {
      // A master rotation: the database still answers to the previous key until its data keys are re-wrapped below.
      if (!(error instanceof MasterKeyMismatchError) || !config.previousMasterKey) throw error;
      await checkMasterKey(handle.db, config.previousMasterKey);
      rotatingMaster = true;
    }
    await migrateToLatest(handle.db, handle.engine === 'postgres' ? await currentSchema(handle.db) : undefined);
    if (!rotatingMaster) await recordMasterKey(handle.db, masterKey);
  } catch (error) {
    if (error instanceof MasterKeyLocationError) {
      await handle.db.destroy().catch(() => {});
      return fail(`master key: ${error.message}`);
    }
    if (error instanceof MasterKeyMismatchError || error instanceof MasterKeyMissingError) {
      await handle.db.destroy().catch(() => {});
      return fail(error.message);
    }
    throw error;
  }
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

  const redisError = (what: string) => (error: Error) =>
    logger.warn({ err: { type: error.name, code: (error as { code?: string }).code } }, `${what}: Redis unavailable; reconnecting`);
  const memoryStore = config.redisUrl
    ? undefined
    : createMemorySecurityCodeStore(Date.now, {
        maxEntries: config.securityCodeMaxEntries,
        maxBytes: config.securityCodeMaxMb * 1024 * 1024,
      });
  const store = config.redisUrl ? createRedisSecurityCodeStore(config.redisUrl, undefined, { onError: redisError('security-code store') }) : memoryStore!;
  const authPolicy = { maxFailures: config.authFailureLimit, windowSeconds: config.authFailureWindowSeconds };
  // Both limits fail open to a bounded per-process count while Redis is down (ADR 0013), saying so once each way.
  const limiterState = (name: string, counted: string) => (state: 'local' | 'shared') =>
    state === 'local'
      ? logger.warn(`${name} limiter: Redis unavailable, counting ${counted} in this process until it returns`)
      : logger.info(`${name} limiter: Redis is back, counting ${counted} in Redis again`);
  const authFailures = config.redisUrl
    ? createSharedFailureLimiter(config.redisUrl, authPolicy, { onStateChange: limiterState('auth failure', 'failed authentications') })
    : createMemoryAuthFailureLimiter(authPolicy);
  // Failed session completions per client (issue 13, finding 7): the same window, its own keys.
  const completionFailures = config.redisUrl
    ? createSharedFailureLimiter(config.redisUrl, DEFAULT_COMPLETION_FAILURE_POLICY, {
        prefix: 'cardframe:completefail:',
        onStateChange: limiterState('completion failure', 'failed session completions'),
      })
    : createMemoryAuthFailureLimiter(DEFAULT_COMPLETION_FAILURE_POLICY);
  // A master rotation (CARDFRAME_PREVIOUS_MASTER_KEY), or one a crash interrupted: the data keys
  // are re-wrapped under the new master, tracked in key_rotations, before anything uses them.
  const masterRotation = await rotateMasterKey(handle.db, masterKey, config.previousMasterKey);
  if (rotatingMaster && !masterRotation) await replaceMasterKeyRecord(handle.db, masterKey);
  if (masterRotation) {
    console.error(
      `cardframe vault: re-wrapped ${masterRotation.row.done} data keys under the new master key; CARDFRAME_PREVIOUS_MASTER_KEY can now be removed.`,
    );
  }
  const keyStore = await openKeyStore(handle.db, masterKey, { previousMaster: config.previousMasterKey });
  const deps = buildDeps({
    handle,
    keyStore,
    // Processes refresh their keys on every sweep: a rotation waits two sweeps for writers still on the old key.
    keyRefreshMs: 2 * config.sweepIntervalSeconds * 1000,
    keyRotation: config.keyRotation,
    completionFailures,
    masterKey,
    authFailures,
    securityCodeStore: store,
    adminTokenHash: admin.hash ?? hashSecret(config.adminToken!),
    publicUrl: config.publicUrl,
    allowedOrigins: config.allowedOrigins,
    fontOrigins: config.fontOrigins,
    fontDir: config.fontDir,
    sessionTtlSeconds: config.sessionTtlSeconds,
    securityCodeTtlSeconds: config.securityCodeTtlSeconds,
    jweKeyRotationSeconds: config.jweKeyRotationSeconds,
    frameDir: config.frameDir,
    sdkDir: config.sdkDir,
    hellgateDir: config.hellgateDir,
    forwardAllowlist: config.forwardAllowlist,
    forwardTimeoutMs: config.forwardTimeoutMs,
    webhookNetworkPolicy: config.webhookNetworkPolicy,
    minFreeDiskBytes: config.minFreeDiskMb * 1024 * 1024,
    ...(config.network.provider.kind === 'module'
      ? { tokenServiceProvider: await loadProviderModule(config.network.provider.path, { env: process.env }) }
      : {}),
    networkTokenTimeoutMs: config.network.timeoutMs,
    networkInlineCryptograms: config.network.inlineCryptograms,
    ephemeralTokenTtlSeconds: config.network.ephemeralTokenTtlSeconds,
    trustProxy: config.trustProxy,
    forwardSecurityCode: config.forwardSecurityCode,
  });
  await deps.keyring.current();
  if (masterRotation) {
    await recordAudit(deps, {
      actor: 'operator',
      client: 'local',
      action: 'key_rotation.master',
      resource: masterRotation.row.id,
      outcome: 'success',
      detail: { rewrapped: Number(masterRotation.row.done) },
    });
  }
  let draining = false;
  const app = await createApp(deps, {
    logger,
    draining: () => draining,
    timeouts: { requestMs: config.requestTimeoutSeconds * 1000 },
    metrics: { processMetrics: true, ...(handle.pool ? { pool: handle.pool } : {}) },
  });
  const metricsApp = config.metricsPort === undefined ? undefined : createMetricsApp(app.metrics);
  void resumeRotations(deps).catch((error: Error) => logger.warn({ err: { type: error.name } }, 'key rotation resume failed'));

  // Expired CVCs leave memory on time, not at the next full sweep.
  const evictor = memoryStore ? setInterval(() => memoryStore.evictExpired(), 1000) : undefined;
  evictor?.unref();
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
    Promise.all([sweepGenericTokens(deps), pruneDeliveries(deps), sweepNetworkCryptograms(deps)]).then(
      ([genericTokens, deliveries, cryptograms]) => logger.debug({ genericTokens, deliveries, cryptograms }, 'sweep extras'),
      (error: Error) => logger.warn({ err: { type: error.name } }, 'sweep extras failed'),
    );
  }, config.sweepIntervalSeconds * 1000);
  sweeper.unref();
  const webhooks = startWebhookWorker(deps, {
    intervalMs: config.webhookIntervalSeconds * 1000,
    onError: (error) => logger.warn({ err: { type: error.name } }, 'webhook run failed'),
  });

  const close = async (signal: string) => {
    if (draining) return;
    draining = true;
    logger.info({ signal, graceMs: DRAIN_GRACE_MS }, 'draining: answering with Connection: close, /readyz 503');
    // If something in flight never ends, the process still goes: no request outlives its timeout.
    setTimeout(
      () => {
        logger.error('drain did not finish in time; exiting');
        logger.flush();
        process.exit(1);
      },
      DRAIN_GRACE_MS + config.requestTimeoutSeconds * 1000 + 5000,
    ).unref();
    await new Promise((resolve) => setTimeout(resolve, DRAIN_GRACE_MS));
    // Stop accepting. Node's http close() would also drop every connection without a request in
    // progress at once, including one a client opened a moment ago and is about to send on: that
    // client sees a reset. So the listener is closed first (net.Server's close, which waits for the
    // open connections), fresh connections get a moment to send their request (answered with
    // Connection: close), and only then are the connections still idle closed.
    const allClosed = new Promise<void>((resolve) => net.Server.prototype.close.call(app.server, () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, FRESH_CONNECTION_GRACE_MS));
    app.server.closeIdleConnections();
    await allClosed;
    await metricsApp?.close();
    await app.close();
    clearInterval(sweeper);
    if (evictor) clearInterval(evictor);
    await webhooks.stop();
    await Promise.allSettled([store.close(), authFailures.close(), completionFailures.close()]);
    await handle.db.destroy().catch(() => {});
    logger.info({ signal }, 'drained; exiting');
    logger.flush();
    process.exit(0);
  };
  process.on('SIGTERM', () => void close('SIGTERM'));
  process.on('SIGINT', () => void close('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  if (metricsApp) {
    await metricsApp.listen({ port: config.metricsPort!, host: config.metricsHost });
    console.log(`cardframe vault: metrics on http://${config.metricsHost}:${config.metricsPort}/metrics`);
  }
  console.log(`cardframe vault: listening on ${config.publicUrl} (${handle.engine}${config.redisUrl ? ' + redis' : ''})`);
}

main().catch((error: Error) => fail(`failed to start: ${error.message}`));
