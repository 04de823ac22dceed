import { VaultError } from './vault-error.ts';

/** The masked card the vault returns for a token (`GET /api/pci/tokens/{id}`). */
export interface VaultToken {
  id: string;
  card: {
    masked_account_number: string;
    scheme: string;
    expiry_month: number;
    expiry_year: number;
    cardholder_name?: string;
  };
  created_at: string;
}

/** The four Guardian calls the merchant server makes, each with its API key. */
export interface VaultClient {
  /** `POST /api/pci/tokens {source:{type:'session'}}`: a session the card frame completes. */
  createSession(): Promise<string>;
  readToken(tokenId: string): Promise<VaultToken>;
  /** Whether the CVC captured with the card (or refreshed later) is still held by the vault. */
  securityCodeAvailable(tokenId: string): Promise<boolean>;
  /** `POST /api/pci/tokens/{id}/security-code`: a session that re-collects only the CVC. */
  refreshSecurityCode(tokenId: string): Promise<string>;
}

export interface VaultClientOptions {
  baseUrl: string;
  apiKey: string;
  fetch?: typeof fetch;
  /** Per-request timeout (ms). A checkout must not hang on a slow vault. */
  timeoutMs?: number;
}

interface GuardianErrorBody {
  classifier?: unknown;
  message?: unknown;
}

/** Sends one JSON request; maps every failure to a {@link VaultError}. */
async function call<T>(options: VaultClientOptions, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(new URL(path, `${options.baseUrl}/`), {
      method,
      headers: {
        'x-api-key': options.apiKey,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? null : JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (cause) {
    throw new VaultError(0, 'UNREACHABLE', `vault unreachable: ${(cause as Error).message}`);
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    throw new VaultError(response.status, 'BAD_RESPONSE', `vault answered ${response.status} with a body that is not JSON`);
  }
  if (!response.ok) {
    const error = (json ?? {}) as GuardianErrorBody;
    throw new VaultError(
      response.status,
      typeof error.classifier === 'string' ? error.classifier : 'UNKNOWN',
      typeof error.message === 'string' ? error.message : `vault answered ${response.status}`,
    );
  }
  return json as T;
}

function sessionId(body: { session_id?: unknown }): string {
  if (typeof body?.session_id !== 'string') throw new VaultError(502, 'BAD_RESPONSE', 'vault answered without a session_id');
  return body.session_id;
}

/** A {@link VaultClient} over `fetch`. Token ids are path segments, so they are encoded, never trusted raw. */
export function createVaultClient(options: VaultClientOptions): VaultClient {
  const tokenPath = (id: string) => `api/pci/tokens/${encodeURIComponent(id)}`;
  return {
    async createSession() {
      return sessionId(await call(options, 'POST', 'api/pci/tokens', { source: { type: 'session' } }));
    },
    readToken: (tokenId) => call<VaultToken>(options, 'GET', tokenPath(tokenId)),
    async securityCodeAvailable(tokenId) {
      const body = await call<{ security_code_available?: unknown }>(options, 'GET', `${tokenPath(tokenId)}/security-code`);
      return body?.security_code_available === true;
    },
    async refreshSecurityCode(tokenId) {
      return sessionId(await call(options, 'POST', `${tokenPath(tokenId)}/security-code`));
    },
  };
}
