import { createTestVault, admin } from './src/test/test-vault.ts';
import { createLogger } from './src/logger.ts';
import os from 'node:os'; import path from 'node:path';
const vault = await createTestVault({ logger: createLogger({ level: 'info', file: path.join(os.tmpdir(), 'inject-bench.log') }) as any });
const key = (await vault.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: admin, payload: { scopes: ['pci:tokens:create', 'pci:tokens:read'] } })).json().key_value;
const tok = (await vault.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: { 'x-api-key': key }, payload: { source: { type: 'pan', account_number: '4111111111111111', expiry_month: 12, expiry_year: 2030, cardholder_name: 'Bench Holder' } } })).json().id;
async function run(name: string, url: string, headers: Record<string, string>) {
  const N = 20000;
  for (let i = 0; i < 4000; i++) await vault.app.inject({ method: 'GET', url, headers });
  const samples: number[] = [];
  for (let r = 0; r < 5; r++) {
    const c = process.cpuUsage();
    for (let i = 0; i < N / 5; i++) await vault.app.inject({ method: 'GET', url, headers });
    const u = process.cpuUsage(c); samples.push((u.user + u.system) / (N / 5));
  }
  samples.sort((a, b) => a - b);
  console.log(name.padEnd(10), 'median', samples[2]!.toFixed(1), 'µs/op', 'min', samples[0]!.toFixed(1));
}
await run('healthz', '/healthz', {});
await run('get', `/api/pci/tokens/${tok}`, { 'x-api-key': key });
await vault.close();
