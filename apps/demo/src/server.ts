import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createApp } from './app.ts';
import { DemoConfigError, loadConfig } from './config.ts';
import { ensureApiKey } from './ensure-api-key.ts';
import { renderPage } from './render-page.ts';
import { fetchScriptIntegrity, fetchSdkIntegrity, HELLGATE_SCRIPT } from './sdk-integrity.ts';
import { createVaultClient } from './vault-client.ts';

// The process edge: read config, get the API key and the scripts' integrity from the vault, listen.
const log = (message: string) => process.stdout.write(`[demo] ${message}\n`);

async function main(): Promise<void> {
  const config = loadConfig(process.env, path.join(import.meta.dirname, 'web'));
  const apiKey = await ensureApiKey({
    dataDir: config.dataDir,
    vaultApiUrl: config.vaultApiUrl,
    adminToken: config.adminToken,
    log,
  });
  const [sdkIntegrity, hellgateIntegrity] = await Promise.all([
    fetchSdkIntegrity(config.vaultApiUrl),
    fetchScriptIntegrity(config.vaultApiUrl, HELLGATE_SCRIPT),
  ]);
  const values = { vaultUrl: config.vaultFrameUrl, sdkIntegrity, hellgateIntegrity };
  const [index, npm, split, react, hellgate] = await Promise.all([
    readFile(path.join(config.webDir, 'index.html'), 'utf8'),
    readFile(path.join(config.webDir, 'npm.html'), 'utf8'),
    readFile(path.join(config.webDir, 'split.html'), 'utf8'),
    readFile(path.join(config.webDir, 'react.html'), 'utf8'),
    readFile(path.join(config.webDir, 'hellgate.html'), 'utf8'),
  ]);
  const app = await createApp({
    vault: createVaultClient({ baseUrl: config.vaultApiUrl, apiKey }),
    vaultFrameUrl: config.vaultFrameUrl,
    pages: {
      index: renderPage(index, values, ['vaultUrl', 'sdkIntegrity']),
      npm: renderPage(npm, values),
      split: renderPage(split, values),
      react: renderPage(react, values),
      hellgate: renderPage(hellgate, values, ['vaultUrl', 'hellgateIntegrity']),
    },
    assetsDir: path.join(config.webDir, 'assets'),
    logger: { level: process.env.LOG_LEVEL || 'info' },
  });

  let closing = false;
  const close = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing`);
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => close('SIGINT'));
  process.on('SIGTERM', () => close('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
}

main().catch((error: unknown) => {
  const message = error instanceof DemoConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`[demo] cannot start: ${message}\n`);
  process.exit(1);
});
