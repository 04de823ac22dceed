/**
 * Memory per 100k CVCs in the in-memory security-code store (issue 15: it used to grow without
 * bound). Stores CVCs exactly as the vault does (encrypted under the CVC key, keyed by token id)
 * and prints the heap growth per 100k next to the store's own byte estimate, which is what its
 * CARDFRAME_SECURITY_CODE_MAX_MB bound counts. Run with --expose-gc (the bench script does).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createFieldCipher } from '../src/crypto/field-cipher.ts';
import { createMemorySecurityCodeStore } from '../src/ephemeral/memory-security-code-store.ts';
import { createSecurityCodeVault } from '../src/ephemeral/security-code-vault.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

const counts = [100_000, 200_000];
console.log('| CVCs stored | heap growth MB | bytes per CVC (heap) | bytes per CVC (store estimate) | MB per 100k CVCs (heap) |');
console.log('|---:|---:|---:|---:|---:|');
for (const count of counts) {
  const store = createMemorySecurityCodeStore(Date.now, { maxEntries: count, maxBytes: 1024 * 1024 * 1024 });
  const vault = createSecurityCodeVault(store, createFieldCipher(new Map([[1, randomBytes(32)]]), 1), 3600);
  const before = heap();
  // Token ids are created here: in the vault the id string lives as long as its entry.
  for (let i = 0; i < count; i++) await vault.put(randomUUID(), '123');
  const grown = heap() - before;
  console.log(
    `| ${count.toLocaleString('en')} | ${(grown / 1048576).toFixed(1)} | ${Math.round(grown / count)} | ${Math.round(store.bytes / count)} | ${(((grown / count) * 100_000) / 1048576).toFixed(1)} |`,
  );
  await store.close();
}
