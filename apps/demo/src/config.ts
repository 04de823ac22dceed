import path from 'node:path';

/** Everything the merchant server reads from its environment, parsed once at the edge. */
export interface DemoConfig {
  port: number;
  host: string;
  /** Where the server keeps its API key (mode 0600). Never inside the web root. */
  dataDir: string;
  /** The vault as this server reaches it (server to server, with the API key). */
  vaultApiUrl: string;
  /** The vault as shoppers' browsers reach it: the SDK script and the card frame load from here. */
  vaultFrameUrl: string;
  /** Only needed on the first start, to create the API key; never stored by the demo. */
  adminToken: string | undefined;
  webDir: string;
}

/** Thrown with a message meant for the operator's terminal. */
export class DemoConfigError extends Error {
  override name = 'DemoConfigError';
}

function baseUrl(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = (env[name] || fallback).replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DemoConfigError(`${name} must be an absolute http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new DemoConfigError(`${name} must be an http(s) URL, got "${raw}"`);
  }
  if (url.search || url.hash) throw new DemoConfigError(`${name} must not carry a query or fragment`);
  return raw;
}

/** Parses the environment; throws {@link DemoConfigError} with a readable message on the first bad value. */
export function loadConfig(env: NodeJS.ProcessEnv, defaultWebDir: string): DemoConfig {
  const rawPort = env.PORT || '3000';
  if (!/^\d+$/.test(rawPort) || Number(rawPort) > 65535) throw new DemoConfigError(`PORT must be a port number, got "${rawPort}"`);
  const vaultApiUrl = baseUrl(env, 'VAULT_API_URL', env.VAULT_URL || 'http://localhost:8080');
  return {
    port: Number(rawPort),
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(env.DEMO_DATA_DIR || './data/demo'),
    vaultApiUrl,
    vaultFrameUrl: baseUrl(env, 'VAULT_FRAME_URL', env.VAULT_URL || vaultApiUrl),
    adminToken: env.CARDFRAME_ADMIN_TOKEN || undefined,
    webDir: path.resolve(env.DEMO_WEB_DIR || defaultWebDir),
  };
}
