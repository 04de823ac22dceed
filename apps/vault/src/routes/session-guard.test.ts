import { constants, createCipheriv, createPublicKey, publicEncrypt, randomBytes } from 'node:crypto';
import { CompactEncrypt, importJWK } from 'jose';
import { afterEach, expect, it } from 'vitest';
import { SESSION_FAILURE_LIMIT } from '../domain/session-guard.ts';
import { admin, createSessionId, createTestVault, encryptForSession, FUTURE_YEAR, VISA, type TestVault } from '../test/test-vault.ts';

// Issue 13, findings 6 (a JWE is bound to its session) and 7 (failed completions are capped).
let vault: TestVault | undefined;
afterEach(async () => vault?.close());

const card = { account_number: VISA, expiry_month: 12, expiry_year: FUTURE_YEAR, security_code: '123' };

const complete = (v: TestVault, sessionId: string, encPayload: string, remoteAddress = '127.0.0.1') =>
  v.app.inject({
    method: 'POST',
    url: `/api/sessions/${sessionId}/complete-action`,
    payload: { action: 'tokenize_card', result: { enc_payload: encPayload } },
    remoteAddress,
  });

const jwkOf = async (v: TestVault, sessionId: string) => (await v.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}` })).json().data.jwk;

/** As Hellgate's SDKs encrypt: the session JWK has no kid for them, so the header carries none. */
async function encryptWithoutKid(v: TestVault, sessionId: string, claims: object = card): Promise<string> {
  const key = await importJWK(await jwkOf(v, sessionId), 'RSA-OAEP-256');
  return new CompactEncrypt(new TextEncoder().encode(JSON.stringify(claims))).setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM' }).encrypt(key);
}

/** A compact JWE with `zip: DEF`, built by hand (jose no longer writes them). */
async function encryptCompressed(v: TestVault, sessionId: string): Promise<string> {
  const jwk = await jwkOf(v, sessionId);
  const b64 = (b: Buffer) => b.toString('base64url');
  const header = b64(Buffer.from(JSON.stringify({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: jwk.kid, zip: 'DEF' })));
  const cek = randomBytes(32);
  const iv = randomBytes(12);
  const wrapped = publicEncrypt({ key: createPublicKey({ key: jwk, format: 'jwk' }), padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, cek);
  const cipher = createCipheriv('aes-256-gcm', cek, iv).setAAD(Buffer.from(header, 'ascii'));
  const { deflateRawSync } = await import('node:zlib');
  const ct = Buffer.concat([cipher.update(deflateRawSync(JSON.stringify(card))), cipher.final()]);
  return [header, b64(wrapped), b64(iv), b64(ct), b64(cipher.getAuthTag())].join('.');
}

it('gives each session its own kid, and a payload made for session 1 completes neither session 2 nor a later session', async () => {
  vault = await createTestVault();
  const first = await createSessionId(vault.app);
  const second = await createSessionId(vault.app);
  const [jwk1, jwk2] = [await jwkOf(vault, first), await jwkOf(vault, second)];
  expect(jwk1.n).toBe(jwk2.n); // one RSA key per rotation period…
  expect(jwk1.kid).not.toBe(jwk2.kid); // …but a kid per session
  const forFirst = await encryptForSession(vault.app, first, card);

  const stolen = await complete(vault, second, forFirst);
  expect(stolen.statusCode).toBe(422);
  expect(stolen.json().validation_errors).toEqual([{ path: '$.result.enc_payload', message: 'was made for another session' }]);

  // The session it was made for expires unused; a new session cannot take its payload either.
  vault.advance(901_000);
  const later = await createSessionId(vault.app);
  expect((await complete(vault, later, forFirst)).statusCode).toBe(422);
  expect((await complete(vault, later, await encryptForSession(vault.app, later, card))).statusCode).toBe(200);
});

it('accepts an unbound (Hellgate SDK) payload once: never for a second session', async () => {
  vault = await createTestVault();
  const first = await createSessionId(vault.app);
  const second = await createSessionId(vault.app);
  const unbound = await encryptWithoutKid(vault, first);
  expect((await complete(vault, first, unbound)).statusCode).toBe(200);
  const replay = await complete(vault, second, unbound);
  expect(replay.statusCode).toBe(422);
  expect(replay.json().validation_errors[0].message).toBe('was already used by another session');
  const rows = await vault.deps.db.selectFrom('tokens').select('id').where('session_id', '=', second).execute();
  expect(rows).toEqual([]);
  // A retry of the same payload to its own session is the usual 409 once it completed.
  expect((await complete(vault, first, unbound)).statusCode).toBe(409);
});

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** The same bytes in another spelling: a 16-byte tag is 22 characters, so its last one has 4 bits nobody reads. */
const respelled = (segment: string) => segment.slice(0, -1) + BASE64URL[BASE64URL.indexOf(segment.at(-1)!) ^ 1];

it('knows an unbound payload by its bytes, not its spelling: a re-spelled copy completes no second session', async () => {
  vault = await createTestVault();
  const first = await createSessionId(vault.app);
  const second = await createSessionId(vault.app);
  const unbound = await encryptWithoutKid(vault, first);
  expect((await complete(vault, first, unbound)).statusCode).toBe(200);
  const parts = unbound.split('.');
  parts[4] = respelled(parts[4]!);
  const copy = parts.join('.');
  expect(copy).not.toBe(unbound);
  const replay = await complete(vault, second, copy);
  expect(replay.statusCode).toBe(422);
  expect(replay.json()).toEqual({
    code: 422,
    classifier: 'VALIDATION_ERROR',
    message: expect.any(String),
    validation_errors: [{ path: '$.result.enc_payload', message: 'was already used by another session' }],
  });
  expect(await vault.deps.db.selectFrom('tokens').select('id').where('session_id', '=', second).execute()).toEqual([]);
});

it('knows an unbound payload without its wrapped key: an RSA ciphertext shortened by its leading zero byte is the same payload', async () => {
  vault = await createTestVault();
  const first = await createSessionId(vault.app);
  const second = await createSessionId(vault.app);
  // RSA decryption reads the wrapped key as a number, so a leading zero byte can be dropped: about one
  // encryption in 256 has one.
  const key = await importJWK(await jwkOf(vault, first), 'RSA-OAEP-256');
  const plaintext = new TextEncoder().encode(JSON.stringify(card));
  let unbound = '';
  for (let i = 0; i < 5000 && !unbound; i++) {
    const candidate = await new CompactEncrypt(plaintext).setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM' }).encrypt(key);
    if (Buffer.from(candidate.split('.')[1]!, 'base64url')[0] === 0) unbound = candidate;
  }
  expect(unbound).not.toBe('');
  expect((await complete(vault, first, unbound)).statusCode).toBe(200);
  const parts = unbound.split('.');
  parts[1] = Buffer.from(parts[1]!, 'base64url').subarray(1).toString('base64url');
  const replay = await complete(vault, second, parts.join('.'));
  expect(replay.statusCode).toBe(422);
  expect(replay.json().validation_errors).toEqual([{ path: '$.result.enc_payload', message: 'was already used by another session' }]);
});

it('an unbound payload lives no longer than its JWE key: after rotation new sessions cannot use it', async () => {
  vault = await createTestVault({ jweKeyRotationSeconds: 60, sessionTtlSeconds: 30 });
  const made = await createSessionId(vault.app);
  const unbound = await encryptWithoutKid(vault, made);
  vault.advance(61_000);
  const next = await createSessionId(vault.app);
  const res = await complete(vault, next, unbound);
  expect(res.statusCode).toBe(422);
  expect(res.json().validation_errors[0].message).toBe('could not be decrypted with the session key');
});

it('refuses a compressed (zip) payload before decrypting it', async () => {
  vault = await createTestVault();
  const sessionId = await createSessionId(vault.app);
  const res = await complete(vault, sessionId, await encryptCompressed(vault, sessionId));
  expect(res.statusCode).toBe(422);
  expect(res.json().validation_errors[0].message).toBe('must not be compressed (the "zip" header is refused)');
});

it(`closes a session after ${SESSION_FAILURE_LIMIT} failed completions`, async () => {
  vault = await createTestVault({ completionFailurePolicy: { maxFailures: 1000, windowSeconds: 60 } });
  const sessionId = await createSessionId(vault.app);
  const garbage = await encryptForSession(vault.app, sessionId, { account_number: '4111111111111112', expiry_month: 1, expiry_year: FUTURE_YEAR });
  for (let i = 0; i < SESSION_FAILURE_LIMIT; i++) expect((await complete(vault, sessionId, garbage)).statusCode).toBe(422);
  // Closed: even a good payload no longer buys a decryption.
  // Closed means expired now: 404 SESSION_EXPIRED, the answer Hellgate's SDK understands (ADR 0022).
  const closed = await complete(vault, sessionId, await encryptForSession(vault.app, sessionId, card).catch(() => garbage));
  expect(closed.statusCode).toBe(404);
  expect(closed.json().classifier).toBe('SESSION_EXPIRED');
});

it('caps failed completions per client across sessions (429 with Retry-After), leaving other clients alone', async () => {
  vault = await createTestVault({ completionFailurePolicy: { maxFailures: 3, windowSeconds: 60 } });
  for (let i = 0; i < 3; i++) {
    const sessionId = await createSessionId(vault.app);
    expect((await complete(vault, sessionId, 'a.b.c.d.e', '203.0.113.5')).statusCode).toBe(422);
  }
  const sessionId = await createSessionId(vault.app);
  const good = await encryptForSession(vault.app, sessionId, card);
  const limited = await complete(vault, sessionId, good, '203.0.113.5');
  expect(limited.statusCode).toBe(429);
  expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  expect((await complete(vault, sessionId, good, '198.51.100.1')).statusCode).toBe(200);
  expect((await vault.app.inject({ method: 'GET', url: '/api/pci/tokens', headers: admin })).statusCode).toBe(200);
});
