import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Exactly what the merchant server does: create sessions, read tokens, refresh a CVC. Nothing else. */
export const DEMO_API_KEY_SCOPES = ['pci:tokens:create', 'pci:tokens:read', 'pci:tokens:update'] as const;

export const API_KEY_FILE = 'api-key.json';

interface StoredApiKey {
  vaultApiUrl: string;
  id: string;
  keyValue: string;
  scopes: string[];
}

export interface EnsureApiKeyOptions {
  dataDir: string;
  vaultApiUrl: string;
  adminToken: string | undefined;
  fetch?: typeof fetch;
  log?: (message: string) => void;
}

/** A uuid no token will ever have: reading it answers 404 for a working key, 401/403 otherwise. */
const PROBE_TOKEN_ID = '00000000-0000-4000-8000-000000000000';

async function readStored(file: string): Promise<StoredApiKey | undefined> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<StoredApiKey>;
    if (typeof parsed.keyValue === 'string' && typeof parsed.id === 'string' && typeof parsed.vaultApiUrl === 'string') {
      return parsed as StoredApiKey;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return undefined;
}

async function keyWorks(options: EnsureApiKeyOptions, keyValue: string): Promise<boolean> {
  const doFetch = options.fetch ?? fetch;
  const response = await doFetch(new URL(`api/pci/tokens/${PROBE_TOKEN_ID}`, `${options.vaultApiUrl}/`), {
    headers: { 'x-api-key': keyValue },
    signal: AbortSignal.timeout(10_000),
  });
  await response.body?.cancel();
  return response.status === 404;
}

async function createKey(options: EnsureApiKeyOptions, adminToken: string): Promise<StoredApiKey> {
  const doFetch = options.fetch ?? fetch;
  const response = await doFetch(new URL('api/admin/api-keys', `${options.vaultApiUrl}/`), {
    method: 'POST',
    headers: { 'x-admin-token': adminToken, 'content-type': 'application/json' },
    body: JSON.stringify({ scopes: DEMO_API_KEY_SCOPES }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`the vault refused to create an API key (HTTP ${response.status}); check CARDFRAME_ADMIN_TOKEN`);
  }
  const body = (await response.json()) as { id?: unknown; key_value?: unknown; scopes?: unknown };
  if (typeof body.id !== 'string' || typeof body.key_value !== 'string') {
    throw new Error('the vault answered the API key creation without id and key_value');
  }
  return {
    vaultApiUrl: options.vaultApiUrl,
    id: body.id,
    keyValue: body.key_value,
    scopes: Array.isArray(body.scopes) ? body.scopes.map(String) : [...DEMO_API_KEY_SCOPES],
  };
}

/** Writes through a temporary file so a crash never leaves half a key; 0600 from the first byte. */
async function store(file: string, key: StoredApiKey): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(key, null, 2)}\n`, { mode: 0o600, flag: 'w' });
  await chmod(temporary, 0o600);
  await rename(temporary, file);
}

/**
 * Returns the merchant server's API key. The vault shows a key once, so the first start
 * creates one through the admin API (with only {@link DEMO_API_KEY_SCOPES}) and keeps it in
 * the demo's data dir, readable by this user alone. Later starts reuse it; a key the vault
 * no longer accepts (a wiped vault, a revoked key) is replaced when an admin token is given.
 */
export async function ensureApiKey(options: EnsureApiKeyOptions): Promise<string> {
  const log = options.log ?? (() => {});
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(options.dataDir, API_KEY_FILE);
  const stored = await readStored(file);
  if (stored && stored.vaultApiUrl === options.vaultApiUrl && (await keyWorks(options, stored.keyValue))) {
    log(`using API key ${stored.id} from ${file}`);
    return stored.keyValue;
  }
  if (!options.adminToken) {
    throw new Error(
      stored
        ? `the API key in ${file} is not accepted by ${options.vaultApiUrl}; set CARDFRAME_ADMIN_TOKEN to create a new one`
        : `no API key in ${file}; set CARDFRAME_ADMIN_TOKEN once so the demo can create one`,
    );
  }
  const created = await createKey(options, options.adminToken);
  await store(file, created);
  log(`created API key ${created.id} with scopes ${created.scopes.join(', ')}; kept in ${file} (mode 0600)`);
  return created.keyValue;
}
