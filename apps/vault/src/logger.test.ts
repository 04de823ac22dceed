import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger, scrubUrl } from './logger.ts';
import { admin, createSessionId, createTestVault, type TestVault } from './test/test-vault.ts';

let vault: TestVault;
let logDir: string;
let logFile: string;
beforeAll(async () => {
  logDir = mkdtempSync(path.join(os.tmpdir(), 'vault-logger-'));
  logFile = path.join(logDir, 'vault.log');
  vault = await createTestVault({ logger: createLogger({ level: 'info', file: logFile }) });
});
afterAll(async () => {
  await vault.close();
  rmSync(logDir, { recursive: true, force: true });
});

const lines = () =>
  readFileSync(logFile, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

it('writes one line per request, on completion, with id, method, scrubbed URL, status and time only', async () => {
  const sessionId = await createSessionId(vault.app);
  const before = lines().length;
  const state = await vault.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}`, headers: admin });
  expect(state.statusCode).toBe(200);
  const denied = await vault.app.inject({ method: 'GET', url: '/api/pci/tokens', headers: { 'x-api-key': `key_${'B'.repeat(44)}` } });
  expect(denied.statusCode).toBe(401);
  const added = lines().slice(before);
  expect(added).toHaveLength(2);
  expect(added[0]).toMatchObject({ level: 30, msg: 'request completed', method: 'GET', url: '/api/sessions/:id', statusCode: 200 });
  expect(added[1]).toMatchObject({ method: 'GET', url: '/api/pci/tokens', statusCode: 401 });
  for (const line of added) {
    expect(typeof line.reqId).toBe('string');
    expect(typeof line.responseTime).toBe('number');
    expect(Object.keys(line).sort()).toEqual(['client', 'hostname', 'level', 'method', 'msg', 'pid', 'reqId', 'responseTime', 'statusCode', 'time', 'url']);
  }
  const raw = readFileSync(logFile, 'utf8');
  expect(raw).not.toContain(sessionId);
  expect(raw).not.toContain('B'.repeat(44));
  expect(raw).not.toContain(admin['x-admin-token']);
});

it('records the caller id and client address, and redacts query strings and card numbers in URLs (finding 11)', async () => {
  const before = lines().length;
  await vault.app.inject({ method: 'GET', url: '/api/pci/tokens?limit=5&pan=4111111111111111', headers: admin, remoteAddress: '198.51.100.23' });
  await vault.app.inject({ method: 'GET', url: '/api/pci/tokens/5555555555554444', headers: admin });
  const [listed, byPath] = lines().slice(before);
  expect(listed).toMatchObject({ url: '/api/pci/tokens?[redacted]', caller: 'admin', client: '198.51.100.23' });
  expect(byPath).toMatchObject({ url: '/api/pci/tokens/[redacted]' });
  const raw = readFileSync(logFile, 'utf8');
  expect(raw).not.toContain('4111111111111111');
  expect(raw).not.toContain('5555555555554444');
});

it('redacts card numbers written in groups in a path (spaces, %20, dashes, dots), and leaves ordinary ids alone', () => {
  for (const pan of ['4111 1111 1111 1111', '4111%201111%201111%201111', '5555-5555-5555-4444', '3782.822463.10005']) {
    expect(scrubUrl(`/api/pci/tokens/${pan}`)).toBe('/api/pci/tokens/[redacted]');
  }
  expect(scrubUrl('/api/pci/tokens/7b1f0c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e')).toBe('/api/pci/tokens/7b1f0c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e');
  expect(scrubUrl('/api/admin/audit-events?after=2026-11-30')).toBe('/api/admin/audit-events?[redacted]');
});
