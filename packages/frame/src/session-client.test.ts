import { describe, expect, test } from 'vitest';
import { createSessionClient, readSession, sessionError } from './session-client.ts';

const jwk = { kty: 'RSA', n: 'abc', e: 'AQAB', kid: 'k1', alg: 'RSA-OAEP-256', use: 'enc' };

describe('sessionError', () => {
  test.each([
    [410, { code: 410, classifier: 'SESSION_EXPIRED', message: 'gone' }, 'SESSION_EXPIRED'],
    [409, { code: 409, classifier: 'SESSION_COMPLETED', message: 'used' }, 'SESSION_COMPLETED'],
    [404, { code: 404, classifier: 'NOT_FOUND', message: 'The session was not found' }, 'SESSION_NOT_FOUND'],
    [422, { code: 422, classifier: 'VALIDATION_ERROR', message: 'Validation error' }, 'TOKENIZATION_FAILED'],
    [500, { code: 500, classifier: 'INTERNAL', message: 'oops' }, 'TOKENIZATION_FAILED'],
    [410, null, 'SESSION_EXPIRED'],
    [409, 'not json', 'SESSION_COMPLETED'],
    [404, undefined, 'SESSION_NOT_FOUND'],
    [502, null, 'TOKENIZATION_FAILED'],
  ])('%i %o → %s', (status, body, code) => {
    const error = sessionError(status, body);
    // The code only: the frame words it in the shopper's language (frame-locale.ts).
    expect(error).toEqual({ code, message: '' });
  });

  test('never echoes the server message', () => {
    expect(sessionError(422, { classifier: 'VALIDATION_ERROR', message: 'enc_payload 4111111111111111' }).message).toBe('');
  });
});

describe('readSession', () => {
  test('tokenize_card → card mode with the allowed schemes', () => {
    const body = { next_action: 'tokenize_card', data: { provider: 'guardian', jwk, allowed_schemes: ['visa'], expires_at: '2030-01-01T00:00:00Z' } };
    expect(readSession(body)).toEqual({ ok: true, session: { mode: 'card', action: 'tokenize_card', jwk, allowedSchemes: ['visa'] } });
  });

  test('maps the Hellgate spellings of session data (americanexpress, dinersclub) to the API schemes', () => {
    const body = {
      next_action: 'tokenize_card',
      data: { provider: 'guardian', jwk, allowed_schemes: ['americanexpress', 'dinersclub', 'visa'], expires_at: '2030-01-01T00:00:00Z' },
    };
    expect(readSession(body)).toMatchObject({ ok: true, session: { allowedSchemes: ['american express', 'diners club', 'visa'] } });
    const refresh = {
      next_action: 'refresh_security_code',
      data: { jwk, scheme: 'americanexpress', masked_account_number: '378282*****0005', expiry_month: 1, expiry_year: 2030 },
    };
    expect(readSession(refresh)).toMatchObject({ ok: true, session: { savedCard: { scheme: 'american express' } } });
  });

  test('refresh_security_code → cvc mode with the masked saved card', () => {
    const body = {
      next_action: 'refresh_security_code',
      data: {
        jwk,
        scheme: 'visa',
        masked_account_number: '424242******4242',
        account_number_last_four: '4242',
        account_number_length: 16,
        issuer_identification_number: '424242',
        expiry_month: 4,
        expiry_year: 2031,
        expires_at: '2030-01-01T00:00:00Z',
      },
    };
    expect(readSession(body)).toEqual({
      ok: true,
      session: {
        mode: 'cvc',
        action: 'refresh_security_code',
        jwk,
        savedCard: { scheme: 'visa', maskedAccountNumber: '424242******4242', expiryMonth: 4, expiryYear: 2031 },
      },
    });
  });

  test('finished sessions and malformed bodies are refused with the right code', () => {
    expect(readSession({ next_action: null, status: 'success', data: { token_id: 'x' } })).toMatchObject({ ok: false, error: { code: 'SESSION_COMPLETED' } });
    expect(readSession({ next_action: null, status: 'failure', data: { reason_code: 'SESSION_EXPIRED' } })).toMatchObject({
      ok: false,
      error: { code: 'SESSION_EXPIRED' },
    });
    expect(readSession({ next_action: 'tokenize_card', data: { jwk: { kty: 'EC' }, allowed_schemes: [] } })).toMatchObject({ ok: false });
    expect(readSession({ next_action: 'wait', data: { jwk } })).toMatchObject({ ok: false, error: { code: 'TOKENIZATION_FAILED' } });
    expect(readSession(null)).toMatchObject({ ok: false });
  });
});

describe('createSessionClient', () => {
  test('an unreachable vault is NETWORK_ERROR; success yields the token id only', async () => {
    const unreachable = createSessionClient('s1', 'https://vault.test', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(unreachable.load()).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    const requests: [string, RequestInit | undefined][] = [];
    const ok = createSessionClient('s1', 'https://vault.test', async (input, init) => {
      requests.push([String(input), init]);
      return new Response(JSON.stringify({ status: 'success', data: { token_id: 'tok-1' } }), { status: 200 });
    });
    await expect(ok.complete('tokenize_card', 'a.b.c.d.e')).resolves.toBe('tok-1');
    expect(requests[0]![0]).toBe('https://vault.test/api/sessions/s1/complete-action');
    expect(JSON.parse(String(requests[0]![1]!.body))).toEqual({ action: 'tokenize_card', result: { enc_payload: 'a.b.c.d.e' } });
    expect(requests[0]![1]).toMatchObject({ method: 'POST', credentials: 'omit', cache: 'no-store' });
    const expired = createSessionClient(
      's1',
      'https://vault.test',
      async () => new Response(JSON.stringify({ code: 410, classifier: 'SESSION_EXPIRED', message: 'expired' }), { status: 410 }),
    );
    await expect(expired.complete('tokenize_card', 'x')).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
  });

  test("reads the inline script's early response once, then asks the vault itself", async () => {
    const open = { next_action: 'tokenize_card', data: { jwk, allowed_schemes: ['visa'] } };
    const requests: string[] = [];
    const client = createSessionClient(
      's1',
      'https://vault.test',
      async (input) => {
        requests.push(String(input));
        return Response.json({ next_action: null, status: 'success', data: { jwk } });
      },
      Promise.resolve(Response.json(open)),
    );
    await expect(client.load()).resolves.toMatchObject({ mode: 'card', allowedSchemes: ['visa'] });
    expect(requests).toEqual([]);
    // The body has been read: a second load is a request of its own, and here the session is done.
    await expect(client.load()).rejects.toMatchObject({ code: 'SESSION_COMPLETED' });
    expect(requests).toEqual(['https://vault.test/api/sessions/s1']);
  });

  test('an early response that failed or refused is reported like one the frame fetched', async () => {
    const never = async (): Promise<Response> => {
      throw new Error('the early response must be used');
    };
    const offline = createSessionClient('s1', 'https://vault.test', never, Promise.reject(new TypeError('Failed to fetch')));
    await expect(offline.load()).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    const gone = Response.json({ code: 404, classifier: 'NOT_FOUND', message: 'The session was not found' }, { status: 404 });
    await expect(createSessionClient('s1', 'https://vault.test', never, Promise.resolve(gone)).load()).rejects.toMatchObject({
      code: 'SESSION_NOT_FOUND',
    });
  });
});
