import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const vaultDir = path.resolve(import.meta.dirname, '../..');
const repoRoot = path.resolve(vaultDir, '../..');
const work = mkdtempSync(path.join(os.tmpdir(), 'cardframe-packed-'));
const { version } = JSON.parse(readFileSync(path.join(vaultDir, 'package.json'), 'utf8')) as { version: string };

/** npm in a clean environment: the npm_* variables of an enclosing `npm test` must not steer these installs. */
function npmEnv(): NodeJS.ProcessEnv {
  const keep = new Set(['npm_config_nodedir', 'npm_config_cache', 'npm_config_registry', 'npm_config_userconfig']);
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) || keep.has(k.toLowerCase())));
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

// Packing and installing is the same on either backend: run it once, with the SQLite project.
describe.skipIf(process.env.CARDFRAME_TEST_BACKEND === 'postgres')('the packed vault', () => {
  it('installs from its tarball into an empty folder and serves the frame and the SDK it carries', async () => {
    expect(existsSync(path.join(vaultDir, 'dist/server.js')), 'apps/vault/dist is missing: run npm run build').toBe(true);

    const packed = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: vaultDir, env: npmEnv() });
    const [pack] = JSON.parse(packed.stdout) as [{ filename: string; files: { path: string }[] }];
    const shipped = pack.files.map((f) => f.path);
    expect(shipped).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'README.md',
        'package.json',
        'dist/server.js',
        'dist/frame/card.html',
        'dist/sdk/cardframe.js',
        'dist/sdk/sri.json',
        'dist/hellgate/hellgate.js',
        'dist/hellgate/sri.json',
        'dist/docs/redoc.standalone.js',
        'dist/docs/redoc.LICENSE',
      ]),
    );
    expect(shipped.filter((f) => f.startsWith('src/') || f.includes('.test.') || f.endsWith('.d.ts'))).toEqual([]);

    const app = path.join(work, 'app');
    await run('npm', ['install', '--prefix', app, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', path.join(work, pack.filename)], {
      env: npmEnv(),
      timeout: 240_000,
    });
    const installed = path.join(app, 'node_modules/@cardframe/vault');
    // Nothing in the installed package points back into this repository.
    const pointing = filesUnder(installed).filter((file) => readFileSync(file, 'latin1').includes(repoRoot));
    expect(pointing).toEqual([]);

    const bin = path.join(app, 'node_modules/.bin/cardframe-vault');
    const versionOut = await run(bin, ['--version'], { cwd: app });
    expect(versionOut.stdout).toBe(`${version}\n`);
    const help = await run(bin, ['--help'], { cwd: app });
    expect(help.stdout).toContain('Usage: cardframe-vault');
    expect(existsSync(path.join(app, 'data')), '--help must not create ./data').toBe(false);

    const port = await freePort();
    const child = spawn(bin, [], {
      cwd: app,
      // Development mode: the master key may be generated into ./data (outside it the vault refuses, issue 13).
      env: { ...npmEnv(), PORT: String(port), HOST: '127.0.0.1', CARDFRAME_PUBLIC_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: 'warn', CARDFRAME_DEV_MODE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    try {
      const deadline = Date.now() + 30_000;
      while (!out.includes('listening on')) {
        if (child.exitCode !== null) throw new Error(`the installed vault exited: ${out}`);
        if (Date.now() > deadline) throw new Error(`the installed vault did not start: ${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const frame = await fetch(`${base}/frame/v1/card.html`);
      expect(frame.status).toBe(200);
      const html = await frame.text();
      const script = /src="(\/frame\/v1\/assets\/[^"]+\.js)"/.exec(html)?.[1];
      expect(script, html).toBeDefined();
      expect((await fetch(`${base}${script}`)).status).toBe(200);
      const sdk = Buffer.from(await (await fetch(`${base}/sdk/v1/cardframe.js`)).arrayBuffer());
      expect(sdk.equals(readFileSync(path.join(repoRoot, 'packages/sdk/dist/cardframe.js')))).toBe(true);
      const hellgate = Buffer.from(await (await fetch(`${base}/hellgate/v1/hellgate.js`)).arrayBuffer());
      expect(hellgate.equals(readFileSync(path.join(repoRoot, 'packages/hellgate/dist/hellgate.js')))).toBe(true);
      // The API reference page and its Redoc bundle come from the package too.
      expect((await fetch(`${base}/docs`)).status).toBe(200);
      const redoc = await fetch(`${base}/docs/redoc.standalone.js`, { headers: { 'accept-encoding': 'br' } });
      expect([redoc.status, redoc.headers.get('content-encoding')]).toEqual([200, 'br']);
      // It made its own data dir in the folder it runs in, not in the repository.
      expect(existsSync(path.join(app, 'data/master.key'))).toBe(true);
    } finally {
      // A vault that already exited (refused to start) sends no second 'exit': don't wait for one.
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
    }
    expect(child.exitCode).toBe(0);
  }, 300_000);
});

describe('every publishable package', () => {
  const rootManifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { workspaces: string[] };
  const manifests = rootManifest.workspaces.map((dir) => ({
    dir,
    manifest: JSON.parse(readFileSync(path.join(repoRoot, dir, 'package.json'), 'utf8')) as Record<string, unknown>,
  }));

  it('is exactly the vault, the SDK, its React and Vue bindings and the Hellgate-shaped API; the others are bundled into them and stay private', () => {
    expect(manifests.filter((m) => !m.manifest.private).map((m) => m.manifest.name)).toEqual([
      '@cardframe/sdk',
      '@cardframe/react',
      '@cardframe/vue',
      '@cardframe/hellgate',
      '@cardframe/vault',
    ]);
  });

  it.each(manifests.filter((m) => !m.manifest.private))('$manifest.name ships its license and publishes publicly', async ({ dir, manifest }) => {
    expect(manifest).toMatchObject({
      license: 'Apache-2.0',
      publishConfig: { access: 'public' },
      repository: { type: 'git', directory: dir },
      engines: { node: expect.any(String) },
    });
    expect(readFileSync(path.join(repoRoot, dir, 'LICENSE'), 'utf8')).toBe(readFileSync(path.join(repoRoot, 'LICENSE'), 'utf8'));
    const packed = await run('npm', ['pack', '--dry-run', '--json'], { cwd: path.join(repoRoot, dir), env: npmEnv() });
    const [pack] = JSON.parse(packed.stdout) as [{ files: { path: string }[] }];
    expect(pack.files.map((f) => f.path)).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json']));
  });
});
