import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProviderModule, parseProviderSpec } from './load-provider.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'tsp-module-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, source: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, source);
  return file;
};

describe('the real-provider slot', () => {
  it('parses the setting', () => {
    expect(parseProviderSpec(undefined)).toEqual({ kind: 'sandbox' });
    expect(parseProviderSpec('sandbox')).toEqual({ kind: 'sandbox' });
    expect(parseProviderSpec('module:./vts.js')).toEqual({ kind: 'module', path: './vts.js' });
    expect(parseProviderSpec('vts')).toMatch(/must be "sandbox" or "module:<path>"/);
  });

  it('loads a module exporting createTokenServiceProvider and hands it the environment', async () => {
    const file = write(
      'ok.mjs',
      `export function createTokenServiceProvider({ env }) {
        return { name: 'vts-' + env.TSP_REGION, provision() {}, status() {}, cryptogram() {}, delete() {}, onLifecycle() {} };
      }`,
    );
    const provider = await loadProviderModule(file, { env: { TSP_REGION: 'eu' } });
    expect(provider.name).toBe('vts-eu');
  });

  it.each([
    ['a missing file', path.join(dir, 'absent.mjs'), /could not be loaded/],
    ['no factory', write('none.mjs', 'export const x = 1;'), /must export a function createTokenServiceProvider/],
    [
      'a provider without cryptogram',
      write('half.mjs', `export const createTokenServiceProvider = () => ({ name: 'x', provision() {}, status() {}, delete() {}, onLifecycle() {} });`),
      /cryptogram/,
    ],
    [
      'a provider posing as the sandbox',
      write(
        'fake.mjs',
        `export const createTokenServiceProvider = () => ({ name: 'sandbox', provision() {}, status() {}, cryptogram() {}, delete() {}, onLifecycle() {} });`,
      ),
      /other than "sandbox"/,
    ],
  ])('stops at startup for %s', async (_name, file, message) => {
    await expect(loadProviderModule(file, { env: {} })).rejects.toThrow(message);
  });
});
