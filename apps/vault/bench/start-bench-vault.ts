import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../src/app.ts';
import { buildDeps, type BuildDepsInput } from '../src/build-deps.ts';
import { hashSecret } from '../src/domain/api-keys.ts';
import { createMemorySecurityCodeStore } from '../src/ephemeral/memory-security-code-store.ts';
import { createLogger } from '../src/logger.ts';
import { createDb } from '../src/storage/create-db.ts';
import { migrateToLatest } from '../src/storage/migrations.ts';

/**
 * Starts the real vault app the way the benches measure it: SQLite + memory store in a fresh temp
 * dir, logging each request at `info` to a file as a production server does. Prints one JSON line
 * (`{port, adminToken, dataDir}`) once listening; on SIGTERM closes cleanly (so `--cpu-prof` can
 * write its profile) and removes the temp dir.
 */
export async function startBenchVault(options: Pick<BuildDepsInput, 'rsaModulusLength' | 'forwardAllowlist'> = {}): Promise<void> {
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
    frameDir: dataDir,
    sdkDir: dataDir,
    hellgateDir: dataDir,
    ...options,
  });
  await deps.keyring.current();
  // Buffered as server.ts does.
  const logger = createLogger({ level: 'info', file: path.join(dataDir, 'vault.log'), bufferBytes: 4096 });
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
