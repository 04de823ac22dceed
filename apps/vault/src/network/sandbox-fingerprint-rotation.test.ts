import { randomBytes } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { runRotation, startRotation } from '../crypto/rotate-data-keys.ts';
import { admin, createTestVault, FUTURE_YEAR, VISA, type TestVault } from '../test/test-vault.ts';

// The sandbox TSP counts the tokens it issued per card by PAN fingerprint, the one production
// lookup by fingerprint: it must see every token across fingerprint and master rotations, or it
// issues a card's token number again.
const vaults: TestVault[] = [];
afterEach(async () => {
  for (const v of vaults.splice(0).reverse()) await v.close();
});

async function provision(v: TestVault): Promise<string> {
  const source = { type: 'pan', account_number: VISA, expiry_month: 4, expiry_year: FUTURE_YEAR };
  const res = await v.app.inject({ method: 'POST', url: '/api/network/tokens', headers: admin, payload: { source } });
  expect(res.statusCode).toBe(200);
  const id = res.json().id as string;
  const row = await v.deps.db.selectFrom('network_tokens').select('number_ct').where('id', '=', id).executeTakeFirstOrThrow();
  return v.deps.cipher.decrypt(row.number_ct, `network_tokens:${id}:number`);
}

it('issues a new token number for a card after the fingerprint key and the master key were rotated (dual lookup)', async () => {
  const oldMaster = randomBytes(32);
  const a = await createTestVault({ masterKey: oldMaster });
  vaults.push(a);
  const numbers = [await provision(a)];
  // A fingerprint rotation: the sandbox's rows keep their old fingerprints (it holds no PAN to re-key them).
  const rotation = await startRotation(a.deps, 'field', 'admin', '127.0.0.1');
  await runRotation(a.deps, rotation.id);
  numbers.push(await provision(a));
  // A master rotation in another process.
  const b = await createTestVault({ peerOf: a, masterKey: randomBytes(32), previousMasterKey: oldMaster });
  vaults.push(b);
  numbers.push(await provision(b));
  expect(new Set(numbers).size).toBe(3);
  const fingerprints = await a.deps.db.selectFrom('sandbox_tsp_tokens').select('pan_fingerprint').execute();
  expect(fingerprints.filter((f) => f.pan_fingerprint.startsWith('f2.'))).toHaveLength(2);
});
