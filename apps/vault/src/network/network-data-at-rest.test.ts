import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { admin, backend, createTestVault, FUTURE_YEAR } from '../test/test-vault.ts';
import type { SandboxProvider } from './sandbox-provider.ts';

const PANS = ['4111111111111111', '5555555555554444', '378282246310005', '6011111111111117'];

describe.skipIf(backend !== 'sqlite')('network tokens: no card data in logs or database files', () => {
  it('PANs, token numbers, cryptograms and cryptogram keys appear in neither the log nor the SQLite files', async () => {
    const logDir = mkdtempSync(path.join(os.tmpdir(), 'vault-nt-log-'));
    const logFile = path.join(logDir, 'vault.log');
    const vault = await createTestVault({ logger: createLogger({ level: 'trace', file: logFile }) });
    vault.deps.networkInlineCryptograms = true;
    const secrets: string[] = [...PANS];
    try {
      for (const pan of PANS) {
        const source = { type: 'pan', account_number: pan, expiry_month: 4, expiry_year: FUTURE_YEAR };
        const token = (await vault.app.inject({ method: 'POST', url: '/api/network/tokens', headers: admin, payload: { source } })).json();
        const inline = (
          await vault.app.inject({
            method: 'POST',
            url: `/api/network/tokens/${token.id}/cryptograms`,
            headers: admin,
            payload: { amount: 100, currency: 'EUR' },
          })
        ).json();
        secrets.push(inline.number, inline.cryptogram ?? inline.dynamic_cvv);
        const reference = await vault.app.inject({
          method: 'POST',
          url: `/api/network/tokens/${token.id}/cryptograms`,
          headers: admin,
          payload: { amount: 100, currency: 'EUR', mode: 'reference' },
        });
        expect(reference.statusCode).toBe(200);
        await vault.app.inject({
          method: 'POST',
          url: '/api/metadata/inquiries',
          headers: admin,
          payload: { source: { type: 'network_token', network_token_id: token.id } },
        });
        await vault.app.inject({ method: 'POST', url: `/api/sandbox/network/tokens/${token.id}/lifecycle`, headers: admin, payload: { event: 'suspend' } });
        const row = await vault.deps.db.selectFrom('network_tokens').select('provider_ref').where('id', '=', token.id).executeTakeFirstOrThrow();
        secrets.push((await (vault.deps.tokenServiceProvider as SandboxProvider).cryptogramKey(row.provider_ref)).toString('base64'));
      }
      // Dynamic CVVs are 3-4 digits: too short to scan for meaningfully; drop them from the list.
      const scanned = secrets.filter((s) => s.length > 6);
      expect(scanned.length).toBeGreaterThanOrEqual(PANS.length * 3);
      const db = path.join(vault.dataDir, 'vault.sqlite');
      const files = [logFile, db, `${db}-wal`].filter(existsSync);
      expect(readFileSync(logFile, 'utf8')).toContain('request completed');
      for (const file of files) {
        const bytes = readFileSync(file).toString('latin1');
        for (const secret of scanned) expect(bytes.includes(secret), `${secret.slice(0, 4)}… found in ${path.basename(file)}`).toBe(false);
      }
    } finally {
      await vault.close();
      rmSync(logDir, { recursive: true, force: true });
    }
  });
});
