import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, createTestVault, FUTURE_YEAR, VISA, type TestVault } from '../test/test-vault.ts';
import { TokenServiceError, type TokenServiceProvider } from './token-service-provider.ts';

/**
 * How the vault treats a provider that is slow, down or declines: the sandbox does none of
 * that, so these tests put a misbehaving provider in the slot (as CARDFRAME_NETWORK_TOKEN_PROVIDER
 * would) and watch the API's answers and the database.
 */
let vault: TestVault;
let sandbox: TokenServiceProvider;
beforeAll(async () => {
  vault = await createTestVault();
  sandbox = vault.deps.tokenServiceProvider;
  vault.deps.networkTokenTimeoutMs = 200;
});
afterAll(async () => vault.close());

function withProvider(overrides: Partial<TokenServiceProvider>) {
  vault.deps.tokenServiceProvider = { ...sandbox, ...overrides, name: sandbox.name };
}
const create = () =>
  vault.app.inject({
    method: 'POST',
    url: '/api/network/tokens',
    headers: admin,
    payload: { source: { type: 'pan', account_number: VISA, expiry_month: 1, expiry_year: FUTURE_YEAR } },
  });
const count = async () => (await vault.deps.db.selectFrom('network_tokens').select('id').execute()).length;

describe('the provider boundary', () => {
  it.each([
    ['hangs', () => new Promise<never>(() => {}), 504, 'TOKEN_SERVICE_TIMEOUT'],
    ['is unavailable', () => Promise.reject(new TokenServiceError('UNAVAILABLE', 'maintenance')), 502, 'TOKEN_SERVICE_UNAVAILABLE'],
    ['declines', () => Promise.reject(new TokenServiceError('DECLINED', 'issuer declined')), 422, 'NETWORK_TOKEN_DECLINED'],
    ['throws something unexpected', () => Promise.reject(new Error('socket hang up 4111111111111111')), 502, 'TOKEN_SERVICE_UNAVAILABLE'],
  ])('a provider that %s: a Guardian error, nothing stored', async (_name, provision, status, classifier) => {
    const before = await count();
    withProvider({ provision: provision as TokenServiceProvider['provision'] });
    try {
      const res = await create();
      expect(res.statusCode).toBe(status);
      expect(res.json()).toMatchObject({ code: status, classifier });
      expect(res.body).not.toContain(VISA);
      expect(await count()).toBe(before);
    } finally {
      vault.deps.tokenServiceProvider = sandbox;
    }
  });

  it('deletes the token at the provider again when recording it fails (no orphan at the scheme)', async () => {
    const deleted: string[] = [];
    withProvider({
      delete: async (ref, signal) => {
        deleted.push(ref);
        return sandbox.delete(ref, signal);
      },
    });
    // The database refuses the insert after the provider has issued the token.
    const original = vault.deps.db;
    try {
      vault.deps.db = new Proxy(original, {
        get(target, prop, receiver) {
          if (prop === 'insertInto') {
            return (table: string) =>
              table === 'network_tokens' ? { values: () => ({ execute: () => Promise.reject(new Error('disk full')) }) } : target.insertInto(table as never);
          }
          return Reflect.get(target, prop, receiver);
        },
      });
      const res = await create();
      expect(res.statusCode).toBe(500);
    } finally {
      vault.deps.db = original;
      vault.deps.tokenServiceProvider = sandbox;
    }
    expect(deleted).toHaveLength(1);
    expect(await sandbox.status(deleted[0]!, AbortSignal.timeout(1000))).toBe('deleted');
  });
});
