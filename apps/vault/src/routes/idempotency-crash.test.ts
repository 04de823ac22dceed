import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimIdempotencyKey, completeIdempotencyKey, IDEMPOTENCY_LEASE_MS, requestHash } from '../domain/idempotency.ts';
import { buildTokenRow, insertToken } from '../domain/tokens.ts';
import type { SecurityCodeStore } from '../ephemeral/security-code-store.ts';
import { DependencyError } from '../http/dependency-errors.ts';
import { admin, createSessionId, createTestVault, encryptForSession, FUTURE_YEAR, VISA, type TestVault } from '../test/test-vault.ts';

let vault: TestVault;
/** The security-code store fails every write while this is set: an injected store error. */
let storeFails = false;
beforeAll(async () => {
  vault = await createTestVault({
    securityCodeStore: (store: SecurityCodeStore): SecurityCodeStore => ({
      put: async (...args) => {
        if (storeFails) throw new DependencyError('security-code-store', { cause: new Error('injected') });
        return store.put(...args);
      },
      get: (id) => store.get(id),
      take: (id) => store.take(id),
      delete: (id) => store.delete(id),
      ping: () => store.ping(),
      close: () => store.close(),
    }),
  });
});
afterAll(async () => vault.close());

const card = { type: 'pan', account_number: VISA, expiry_month: 3, expiry_year: FUTURE_YEAR };
const countTokens = async () =>
  Number(
    (
      await vault.deps.db
        .selectFrom('tokens')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const post = (headers: Record<string, string>, payload: object) =>
  vault.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: { ...admin, ...headers }, payload });

describe('idempotency after a crash', () => {
  it('accepts the common `Idempotency-Key` spelling as well as `x-idempotency-key`', async () => {
    const before = await countTokens();
    const payload = { source: card, metadata: { order: 'spelling' } };
    const first = await post({ 'idempotency-key': 'spelled-the-common-way' }, payload);
    const second = await post({ 'idempotency-key': 'spelled-the-common-way' }, payload);
    expect(first.statusCode).toBe(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toBe(first.body);
    expect(await countTokens()).toBe(before + 1);
  });

  it('a key left pending by a killed request is taken over once its lease lapses, and the work is done once', async () => {
    const payload = { source: card, metadata: { order: 'crashed' } };
    // What a process killed mid-request leaves behind: the claim, and nothing else (work and
    // response commit together, so a crash before the commit leaves no token).
    await claimIdempotencyKey(vault.deps, 'admin', 'crashed-order', requestHash('POST', '/api/pci/tokens', payload));
    const before = await countTokens();
    const early = await post({ 'x-idempotency-key': 'crashed-order' }, payload);
    expect(early.statusCode).toBe(409);
    expect(Number(early.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(early.headers['retry-after'])).toBeLessThanOrEqual(IDEMPOTENCY_LEASE_MS / 1000);
    vault.advance(IDEMPOTENCY_LEASE_MS);
    const retried = await post({ 'x-idempotency-key': 'crashed-order' }, payload);
    expect(retried.statusCode).toBe(200);
    const again = await post({ 'x-idempotency-key': 'crashed-order' }, payload);
    expect(again.body).toBe(retried.body);
    expect(await countTokens()).toBe(before + 1);
  });

  it('a holder that overran its lease cannot commit once the key was taken over: exactly one token', async () => {
    const payload = { source: card, metadata: { order: 'overran' } };
    const hash = requestHash('POST', '/api/pci/tokens', payload);
    const slow = await claimIdempotencyKey(vault.deps, 'admin', 'overran', hash);
    if (slow.kind !== 'fresh') throw new Error('expected a fresh claim');
    vault.advance(IDEMPOTENCY_LEASE_MS);
    const before = await countTokens();
    expect((await post({ 'x-idempotency-key': 'overran' }, payload)).statusCode).toBe(200);
    // The slow holder finally finishes its work and tries to commit it with its response.
    const row = buildTokenRow(vault.deps, { card: { ...card, scheme: 'visa' }, owner: 'admin', hasSecurityCode: false });
    await expect(
      vault.deps.db.transaction().execute(async (trx) => {
        await insertToken(vault.deps.db, row, trx);
        await completeIdempotencyKey(vault.deps, trx, { caller: 'admin', key: 'overran', lease: slow.lease }, 200, {});
      }),
    ).rejects.toMatchObject({ statusCode: 409 });
    expect(await countTokens()).toBe(before + 1);
  });
});

describe('a security-code store failure after the token insert', () => {
  it('stores nothing and answers 503; idempotent retries during the failure and after it leave exactly one token', async () => {
    const payload = { source: { ...card, security_code: '123' }, metadata: { order: 'cvc-fails' } };
    const before = await countTokens();
    storeFails = true;
    try {
      for (let i = 0; i < 3; i++) {
        const res = await post({ 'x-idempotency-key': 'cvc-fails' }, payload);
        expect(res.statusCode).toBe(503);
        expect(res.json()).toEqual({ code: 503, classifier: 'SERVICE_UNAVAILABLE', message: 'The security-code store is unavailable; retry shortly' });
        expect(res.headers['retry-after']).toBe('2');
      }
      const unkeyed = await post({}, payload);
      expect(unkeyed.statusCode).toBe(503);
      expect(await countTokens()).toBe(before);
    } finally {
      storeFails = false;
    }
    const ok = await post({ 'x-idempotency-key': 'cvc-fails' }, payload);
    expect(ok.statusCode).toBe(200);
    expect((await post({ 'x-idempotency-key': 'cvc-fails' }, payload)).body).toBe(ok.body);
    expect(await countTokens()).toBe(before + 1);
    const check = await vault.app.inject({ method: 'GET', url: `/api/pci/tokens/${ok.json().id}/security-code`, headers: admin });
    expect(check.json()).toEqual({ security_code_available: true });
  });

  it('leaves a session open (not completed without its token) so the frame can retry', async () => {
    const sessionId = await createSessionId(vault.app);
    const jwe = await encryptForSession(vault.app, sessionId, { account_number: VISA, expiry_month: 2, expiry_year: FUTURE_YEAR, security_code: '321' });
    const complete = () =>
      vault.app.inject({
        method: 'POST',
        url: `/api/sessions/${sessionId}/complete-action`,
        payload: { action: 'tokenize_card', result: { enc_payload: jwe } },
      });
    const before = await countTokens();
    storeFails = true;
    try {
      expect((await complete()).statusCode).toBe(503);
    } finally {
      storeFails = false;
    }
    expect(await countTokens()).toBe(before);
    const state = await vault.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}` });
    expect(state.json().next_action).toBe('tokenize_card');
    const done = await complete();
    expect(done.statusCode).toBe(200);
    expect(await countTokens()).toBe(before + 1);

    // A refresh session likewise stays open when the new CVC cannot be stored.
    const tokenId = done.json().data.token_id as string;
    const refresh = (await vault.app.inject({ method: 'POST', url: `/api/pci/tokens/${tokenId}/security-code`, headers: admin })).json().session_id as string;
    const cvcJwe = await encryptForSession(vault.app, refresh, { security_code: '999' });
    const completeRefresh = () =>
      vault.app.inject({
        method: 'POST',
        url: `/api/sessions/${refresh}/complete-action`,
        payload: { action: 'refresh_security_code', result: { enc_payload: cvcJwe } },
      });
    storeFails = true;
    try {
      expect((await completeRefresh()).statusCode).toBe(503);
    } finally {
      storeFails = false;
    }
    expect((await vault.app.inject({ method: 'GET', url: `/api/sessions/${refresh}` })).json().next_action).toBe('refresh_security_code');
    expect((await completeRefresh()).statusCode).toBe(200);
  });
});
