import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';
import { admin, backend, createSessionId, createTestVault, encryptForSession, FUTURE_YEAR } from './test/test-vault.ts';

const PANS = ['4111111111111111', '5555555555554444', '378282246310005', '6011111111111117'];
const CVCS = ['739', '8216', '517'];

describe.skipIf(backend !== 'sqlite')('no card data in logs or database files', () => {
  it('a full run leaves no PAN or CVC in the pino log, the SQLite db or its -wal', async () => {
    const logDir = mkdtempSync(path.join(os.tmpdir(), 'vault-log-'));
    const logFile = path.join(logDir, 'vault.log');
    const vault = await createTestVault({ logger: createLogger({ level: 'trace', file: logFile }) });
    try {
      for (const [i, pan] of PANS.entries()) {
        const source = { type: 'pan', account_number: pan, expiry_month: 4, expiry_year: FUTURE_YEAR, security_code: CVCS[i % 3], cardholder_name: 'Log Scan' };
        const res = await vault.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: admin, payload: { source } });
        expect(res.statusCode).toBe(200);
        // And a rejected variant: error paths must not log or echo the number either.
        const bad = await vault.app.inject({ method: 'POST', url: '/api/pci/tokens', headers: admin, payload: { source: { ...source, expiry_month: 13 } } });
        expect(bad.statusCode).toBe(422);
      }
      const sessionId = await createSessionId(vault.app);
      const jwe = await encryptForSession(vault.app, sessionId, { account_number: PANS[0], expiry_month: 1, expiry_year: FUTURE_YEAR, security_code: CVCS[0] });
      const done = await vault.app.inject({
        method: 'POST',
        url: `/api/sessions/${sessionId}/complete-action`,
        payload: { action: 'tokenize_card', result: { enc_payload: jwe } },
      });
      expect(done.statusCode).toBe(200);
      const refresh = (await vault.app.inject({ method: 'POST', url: `/api/pci/tokens/${done.json().data.token_id}/security-code`, headers: admin })).json();
      const jwe2 = await encryptForSession(vault.app, refresh.session_id, { security_code: CVCS[1] });
      expect(
        (
          await vault.app.inject({
            method: 'POST',
            url: `/api/sessions/${refresh.session_id}/complete-action`,
            payload: { action: 'refresh_security_code', result: { enc_payload: jwe2 } },
          })
        ).statusCode,
      ).toBe(200);
      await vault.app.inject({ method: 'GET', url: '/api/pci/tokens?limit=100', headers: admin });

      const db = path.join(vault.dataDir, 'vault.sqlite');
      // Exclusive locking mode keeps the WAL index in memory: there is no -shm to leak into (ADR 0006).
      expect(existsSync(`${db}-shm`)).toBe(false);
      const files = [logFile, db, `${db}-wal`].filter(existsSync);
      expect(files).toContain(`${db}-wal`);
      const log = readFileSync(logFile, 'utf8');
      expect(log).toContain('request completed');
      expect(log).not.toContain(jwe.slice(0, 40));
      expect(log).not.toContain(ADMIN_TOKEN_FRAGMENT);
      for (const file of files) {
        const bytes = readFileSync(file).toString('latin1');
        for (const secret of [...PANS, ...CVCS.map((c) => `"${c}"`), ...CVCS.map((c) => `:${c}`)]) {
          expect(bytes.includes(secret), `${secret} found in ${path.basename(file)}`).toBe(false);
        }
      }
    } finally {
      await vault.close();
      rmSync(logDir, { recursive: true, force: true });
    }
  });
});

const ADMIN_TOKEN_FRAGMENT = admin['x-admin-token'];
