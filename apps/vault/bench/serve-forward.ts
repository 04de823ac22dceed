/**
 * The forward bench's server processes, each in its own event loop: `psp` = a node:http stand-in
 * for a payment provider that reads the body and answers a small JSON; `vault` = the real app on
 * SQLite + memory whose forward allowlist is the PSP (argv[3]), logging each request at `info` to a
 * file. Prints one JSON line once listening; exits on SIGTERM.
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
import { parseForwardAllowlist } from '../src/forward/forward-allowlist.ts';
import { createLogger } from '../src/logger.ts';
import { createDb } from '../src/storage/create-db.ts';
import { migrateToLatest } from '../src/storage/migrations.ts';

const mode = process.argv[2];

if (mode === 'psp') {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"authorized","psp_reference":"bench"}');
    });
  });
  // TCP connections opened to the stand-in: shows whether the vault reuses keep-alive sockets.
  let connections = 0;
  server.on('connection', () => connections++);
  server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: (server.address() as { port: number }).port })));
  process.on('SIGTERM', () => {
    console.error(`psp stand-in: ${connections} TCP connections accepted`);
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
} else {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'vault-forward-bench-'));
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
    forwardAllowlist: parseForwardAllowlist(process.argv[3]),
  });
  const logger = createLogger({ level: 'info', file: path.join(dataDir, 'vault.log') });
  const app = await createApp(deps, { logger });
  await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(JSON.stringify({ port: (app.server.address() as { port: number }).port, adminToken }));
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
