import { expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';

it('reads CARDFRAME_FORWARD_ALLOWLIST and _TIMEOUT at start-up and fails fast on a bad entry', () => {
  const config = loadConfig({ CARDFRAME_FORWARD_ALLOWLIST: 'https://api.psp.example, https://pay.example/v1/', CARDFRAME_FORWARD_TIMEOUT: '5' });
  expect(config.forwardAllowlist).toEqual([
    { origin: 'https://api.psp.example', pathPrefix: '' },
    { origin: 'https://pay.example', pathPrefix: '/v1' },
  ]);
  expect(config.forwardTimeoutMs).toBe(5000);
  expect(loadConfig({}).forwardAllowlist).toEqual([]);
  expect(() => loadConfig({ CARDFRAME_FORWARD_ALLOWLIST: 'https://*.psp.example' })).toThrow(ConfigError);
  expect(() => loadConfig({ CARDFRAME_FORWARD_TIMEOUT: '0' })).toThrow(ConfigError);
});
