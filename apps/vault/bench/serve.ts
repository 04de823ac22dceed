/**
 * The bench's server process, so the load generator does not share its event loop:
 * `bare` = node:http hello world, `vault` = the real app on SQLite + memory, logging each
 * request at `info` to a file as a production server does (CARDFRAME_LOG_FILE).
 * Prints one JSON line with the port once listening; exits cleanly on SIGTERM so that
 * `--cpu-prof` (BENCH_SERVER_FLAGS) can write its profile.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../src/app.ts';
import { buildDeps } from '../src/build-deps.ts';
import { hashSecret } from '../src/domain/api-keys.ts';
import { createMemorySecurityCodeStore } from '../src/ephemeral/memory-security-code-store.ts';
import { createLogger } from '../src/logger.ts';
import { createDb } from '../src/storage/create-db.ts';
import { migrateToLatest } from '../src/storage/migrations.ts';

const mode = process.argv[2];
const modulusLength = Number(process.argv[3] ?? 2048);

if (mode === 'bare') {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('hello world');
  });
  server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: (server.address() as { port: number }).port })));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
} else {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'vault-bench-'));
  const handle = createDb({ databaseUrl: undefined, dataDir });
  await migrateToLatest(handle.db);
  const adminToken = randomBytes(24).toString('hex');
  const deps = buildDeps({
    handle,
    masterKey: randomBytes(32),
    securityCodeStore: createMemorySecurityCodeStore(),
    adminTokenHash: hashSecret(adminToken),
    publicUrl: 'http://127.0.0.1',
    allowedOrigins: [],
    sessionTtlSeconds: 900,
    securityCodeTtlSeconds: 3600,
    jweKeyRotationSeconds: 86_400,
    rsaModulusLength: modulusLength,
    frameDir: dataDir,
    sdkDir: dataDir,
  });
  await deps.keyring.current();
  const logger = createLogger({ level: 'info', file: path.join(dataDir, 'vault.log') });
  const app = await createApp(deps, { logger });
  await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(JSON.stringify({ port: (app.server.address() as { port: number }).port, adminToken, dataDir }));
  process.on('SIGTERM', () => {
    void app
      .close()
      .then(() => handle.db.destroy())
      .finally(() => {
        rmSync(dataDir, { recursive: true, force: true });
        process.exit(0);
      });
  });
}
