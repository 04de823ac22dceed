import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DemoConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to one vault at localhost:8080 for both the API and the frame', () => {
    const config = loadConfig({}, '/web');
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      vaultApiUrl: 'http://localhost:8080',
      vaultFrameUrl: 'http://localhost:8080',
      adminToken: undefined,
      dataDir: path.resolve('./data/demo'),
    });
  });

  it('lets a cluster split the API vault from the frame vault', () => {
    const config = loadConfig({ VAULT_API_URL: 'http://localhost:8080/', VAULT_FRAME_URL: 'http://localhost:8081' }, '/web');
    expect(config.vaultApiUrl).toBe('http://localhost:8080');
    expect(config.vaultFrameUrl).toBe('http://localhost:8081');
  });

  it('refuses URLs that are not http(s) or carry a query', () => {
    expect(() => loadConfig({ VAULT_API_URL: 'javascript:alert(1)' }, '/web')).toThrow(DemoConfigError);
    expect(() => loadConfig({ VAULT_FRAME_URL: 'http://v?x=1' }, '/web')).toThrow(/query/);
    expect(() => loadConfig({ PORT: 'eighty' }, '/web')).toThrow(/PORT/);
  });
});
