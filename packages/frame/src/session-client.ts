import { schemeFromSessionName, type CardframeErrorData, type FrameMode, type SessionJwk, type SessionState } from '@cardframe/protocol';

/** The session outcomes the frame reports. */
type SessionErrorCode = 'SESSION_EXPIRED' | 'SESSION_COMPLETED' | 'SESSION_NOT_FOUND' | 'NETWORK_ERROR' | 'TOKENIZATION_FAILED';

/**
 * A session error as a code: the frame words it in the shopper's language (frame-locale.ts)
 * before it is shown or sent, so no English copy of the text has to ship in the bundle.
 */
export function sessionErrorData(code: SessionErrorCode): CardframeErrorData {
  return { code, message: '' };
}

/**
 * Maps a vault response to what the merchant sees. The Guardian classifier decides first
 * (it is precise), the HTTP status second; everything unexpected is TOKENIZATION_FAILED.
 */
export function sessionError(status: number, body: unknown): CardframeErrorData {
  const classifier = typeof body === 'object' && body !== null ? (body as { classifier?: unknown }).classifier : undefined;
  if (classifier === 'SESSION_EXPIRED' || (classifier === undefined && status === 410)) return sessionErrorData('SESSION_EXPIRED');
  if (classifier === 'SESSION_COMPLETED' || (classifier === undefined && status === 409)) return sessionErrorData('SESSION_COMPLETED');
  if (classifier === 'NOT_FOUND' || (classifier === undefined && status === 404)) return sessionErrorData('SESSION_NOT_FOUND');
  if (status === 410) return sessionErrorData('SESSION_EXPIRED');
  if (status === 409) return sessionErrorData('SESSION_COMPLETED');
  if (status === 404) return sessionErrorData('SESSION_NOT_FOUND');
  return sessionErrorData('TOKENIZATION_FAILED');
}

/** What an open session asks the frame to do, in the frame's terms. */
export type OpenSession =
  | { mode: 'card'; action: 'tokenize_card'; jwk: SessionJwk; allowedSchemes: readonly string[] }
  | {
      mode: 'cvc';
      action: 'refresh_security_code';
      jwk: SessionJwk;
      savedCard: { scheme: string; maskedAccountNumber: string; expiryMonth: number; expiryYear: number };
    };

function isJwk(value: unknown): value is SessionJwk {
  if (typeof value !== 'object' || value === null) return false;
  const jwk = value as Record<string, unknown>;
  return jwk.kty === 'RSA' && typeof jwk.n === 'string' && typeof jwk.e === 'string' && typeof jwk.kid === 'string';
}

/**
 * Reads a `GET /api/sessions/{id}` body: an open session becomes an {@link OpenSession}; a
 * finished one (next_action null) becomes SESSION_COMPLETED, or SESSION_EXPIRED when the
 * vault says it failed by expiry; anything malformed is refused.
 */
export function readSession(body: unknown): { ok: true; session: OpenSession } | { ok: false; error: CardframeErrorData } {
  const state = body as SessionState | null;
  const data = (state as { data?: Record<string, unknown> } | null)?.data;
  if (typeof state !== 'object' || state === null || typeof data !== 'object' || data === null) {
    return { ok: false, error: sessionErrorData('TOKENIZATION_FAILED') };
  }
  if (state.next_action === null) {
    const expired = state.status === 'failure' && /expire/i.test(String(state.data.reason_code ?? state.data.reason ?? ''));
    return { ok: false, error: sessionErrorData(expired ? 'SESSION_EXPIRED' : 'SESSION_COMPLETED') };
  }
  if (!isJwk(data.jwk)) return { ok: false, error: sessionErrorData('TOKENIZATION_FAILED') };
  if (state.next_action === 'tokenize_card' && Array.isArray(state.data.allowed_schemes)) {
    // Session data spells schemes as Hellgate's SDKs do (`americanexpress`); the form speaks the API enum.
    const allowedSchemes = state.data.allowed_schemes.map((name) => schemeFromSessionName(name) ?? name);
    return { ok: true, session: { mode: 'card', action: 'tokenize_card', jwk: data.jwk, allowedSchemes } };
  }
  if (state.next_action === 'refresh_security_code') {
    const d = state.data;
    return {
      ok: true,
      session: {
        mode: 'cvc',
        action: 'refresh_security_code',
        jwk: data.jwk,
        savedCard: {
          scheme: schemeFromSessionName(d.scheme) ?? d.scheme,
          maskedAccountNumber: d.masked_account_number,
          expiryMonth: d.expiry_month,
          expiryYear: d.expiry_year,
        },
      },
    };
  }
  return { ok: false, error: sessionErrorData('TOKENIZATION_FAILED') };
}

export interface SessionClient {
  /** Loads the session; rejects with CardframeErrorData. */
  load(): Promise<OpenSession>;
  /** Completes the session with the JWE; resolves with the token id; rejects with CardframeErrorData. */
  complete(action: OpenSession['action'], encPayload: string): Promise<string>;
}

/** The mode a session puts the frame in. */
export type SessionMode = FrameMode;

/**
 * Talks to the vault's session API on the frame's own origin (`connect-src 'self'`): no
 * cookies, no referrer, no cache. The session id is the only credential. `early` is the same
 * GET already in flight from card.html's inline script (early-session.ts): the first load()
 * reads it instead of asking again.
 */
export function createSessionClient(sessionId: string, vaultOrigin: string, fetchFn: typeof fetch, early?: Promise<Response>): SessionClient {
  const base = `${vaultOrigin}/api/sessions/${encodeURIComponent(sessionId)}`;
  let pending = early;
  const request = async (url: string, init: RequestInit, sent?: Promise<Response>): Promise<unknown> => {
    let response: Response;
    try {
      response = await (sent ?? fetchFn(url, { ...init, credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' }));
    } catch {
      throw sessionErrorData('NETWORK_ERROR');
    }
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) throw sessionError(response.status, body);
    return body;
  };
  return {
    async load() {
      const sent = pending;
      pending = undefined; // a response body reads once
      const result = readSession(await request(base, { method: 'GET', headers: { accept: 'application/json' } }, sent));
      if (!result.ok) throw result.error;
      return result.session;
    },
    async complete(action, encPayload) {
      const body = await request(`${base}/complete-action`, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        body: JSON.stringify({ action, result: { enc_payload: encPayload } }),
      });
      const tokenId = (body as { data?: { token_id?: unknown } } | null)?.data?.token_id;
      if (typeof tokenId !== 'string') throw sessionErrorData('TOKENIZATION_FAILED');
      return tokenId;
    },
  };
}
