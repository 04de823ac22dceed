import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createFieldCipher } from '../crypto/field-cipher.ts';
import { backend } from '../test/test-vault.ts';
import { createMemorySecurityCodeStore } from './memory-security-code-store.ts';
import { createRedisSecurityCodeStore } from './redis-security-code-store.ts';
import { createSecurityCodeVault } from './security-code-vault.ts';

describe('memory security-code store', () => {
  it('never returns an entry past its TTL and sweeps it', async () => {
    let now = 1_000_000;
    const store = createMemorySecurityCodeStore(() => now);
    await store.put('t1', 'v1', 10);
    await store.put('t2', 'v2', 100);
    expect(await store.get('t1')).toBe('v1');
    now += 10_000;
    expect(await store.get('t1')).toBeUndefined();
    now += 90_000;
    expect(store.sweep()).toBe(1);
    expect(await store.get('t2')).toBeUndefined();
  });
});

describe.skipIf(backend !== 'postgres')('redis security-code store', () => {
  const prefix = `test:${randomBytes(6).toString('hex')}:cvc:`;
  const store = createRedisSecurityCodeStore('redis://127.0.0.1:6379', prefix);
  afterAll(async () => store.close());

  it('lets Redis expire the value, and holds only ciphertext', async () => {
    const cipher = createFieldCipher(new Map([[1, randomBytes(32)]]), 1);
    const vault = createSecurityCodeVault(store, cipher, 1);
    await vault.put('tok', '4821');
    const raw = await store.get('tok');
    expect(raw).toBeDefined();
    expect(raw).not.toContain('4821');
    expect(await vault.available('tok')).toBe(true);
    await new Promise((r) => setTimeout(r, 1_200));
    expect(await vault.available('tok')).toBe(false);
    expect(await store.get('tok')).toBeUndefined();
  });
});

describe('memory security-code store bounds', () => {
  it('refuses with the capacity error when live codes fill it, evicts expired codes on time, and counts bytes', async () => {
    let now = 1_000_000;
    const store = createMemorySecurityCodeStore(() => now, { maxEntries: 3, maxBytes: 10_000 });
    for (const id of ['a', 'b', 'c']) await store.put(id, 'v'.repeat(60), 10);
    await expect(store.put('d', 'v', 10)).rejects.toMatchObject({ name: 'DependencyError', dependency: 'security-code-capacity' });
    expect(store.size).toBe(3);
    // Replacing a code is not growth.
    await store.put('b', 'w'.repeat(60), 10);
    now += 10_000;
    store.evictExpired();
    expect(store.size).toBe(0);
    expect(store.bytes).toBe(0);
    await store.put('d', 'v', 10);
    expect(await store.get('d')).toBe('v');
  });

  it('bounds bytes as well as entries', async () => {
    const store = createMemorySecurityCodeStore(Date.now, { maxEntries: 1000, maxBytes: 1000 });
    await store.put('a', 'x'.repeat(500), 10);
    await expect(store.put('b', 'x'.repeat(500), 10)).rejects.toMatchObject({ dependency: 'security-code-capacity' });
    await store.delete('a');
    await store.put('b', 'x'.repeat(500), 10);
    expect(store.size).toBe(1);
  });
});
