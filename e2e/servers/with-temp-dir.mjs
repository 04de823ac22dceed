#!/usr/bin/env node
// Runs one built server with a fresh temporary data dir in the env variable named by argv[2],
// and removes the dir when the server exits. Playwright's webServer starts each server through
// this, so every run starts from an empty vault and a demo without an API key.
//   node e2e/servers/with-temp-dir.mjs CARDFRAME_DATA_DIR apps/vault/dist/server.js
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const [variable, script] = process.argv.slice(2);

// A demo needs its vault up first (it creates its API key at start): WAIT_FOR names the vault's
// readiness URL, so the order holds however Playwright schedules its web servers.
if (process.env.WAIT_FOR) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ok = await fetch(process.env.WAIT_FOR).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`${process.env.WAIT_FOR} never became ready`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const dir = mkdtempSync(path.join(tmpdir(), 'cardframe-e2e-'));
const child = spawn(process.execPath, [script], { env: { ...process.env, [variable]: dir }, stdio: 'inherit' });
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('exit', (code, signal) => {
  rmSync(dir, { recursive: true, force: true });
  process.exit(code ?? (signal ? 1 : 0));
});
