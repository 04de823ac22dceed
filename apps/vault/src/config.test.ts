import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseFontOrigin, parseOrigin } from './config.ts';

describe('loadConfig', () => {
  it('runs with nothing set: port 8080, SQLite, memory store, documented TTLs', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: undefined,
      redisUrl: undefined,
      masterKey: undefined,
      adminToken: undefined,
      allowedOrigins: [],
      sessionTtlSeconds: 900,
      securityCodeTtlSeconds: 3600,
      publicUrl: 'http://localhost:8080',
    });
    expect(config.frameDir).toMatch(/packages\/frame\/dist$/);
    expect(config.sdkDir).toMatch(/packages\/sdk\/dist$/);
  });

  it('parses every variable', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const config = loadConfig({
      PORT: '9000',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
      REDIS_URL: 'redis://127.0.0.1:6379',
      CARDFRAME_MASTER_KEY: key,
      CARDFRAME_ADMIN_TOKEN: 'a'.repeat(32),
      CARDFRAME_PUBLIC_URL: 'https://vault.example/',
      CARDFRAME_ALLOWED_ORIGINS: 'https://shop.example, http://localhost:5173',
      CARDFRAME_SESSION_TTL: '60',
      CARDFRAME_SECURITY_CODE_TTL: '120',
    });
    expect(config.masterKey).toEqual(Buffer.alloc(32, 7));
    expect(config.allowedOrigins).toEqual(['https://shop.example', 'http://localhost:5173']);
    expect(config.publicUrl).toBe('https://vault.example');
    expect([config.port, config.sessionTtlSeconds, config.securityCodeTtlSeconds]).toEqual([9000, 60, 120]);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT must be between/],
    [{ CARDFRAME_MASTER_KEY: Buffer.alloc(16).toString('base64') }, /32 bytes/],
    [{ CARDFRAME_MASTER_KEY: 'not base64!!' }, /32 bytes/],
    [{ CARDFRAME_ADMIN_TOKEN: 'short' }, /at least 32/],
    [{ DATABASE_URL: 'mysql://x' }, /postgres:\/\//],
    [{ REDIS_URL: 'http://x' }, /redis:\/\//],
    [{ CARDFRAME_SESSION_TTL: '0' }, /CARDFRAME_SESSION_TTL/],
    [{ CARDFRAME_ALLOWED_ORIGINS: 'https://shop.example/path' }, /not an origin/],
    [{ CARDFRAME_WEBHOOK_PRIVATE_NETWORKS: 'yes' }, /"allow" or "deny"/],
  ])('fails fast on %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});

it('delivers webhooks to public addresses only unless private networks are allowed', () => {
  expect(loadConfig({}).webhookNetworkPolicy).toBe('public-only');
  expect(loadConfig({ CARDFRAME_WEBHOOK_PRIVATE_NETWORKS: 'allow' }).webhookNetworkPolicy).toBe('any');
});

describe('CARDFRAME_FONT_ORIGINS and CARDFRAME_FONT_DIR', () => {
  it('are empty by default and read as a comma-separated list of origins', () => {
    expect(loadConfig({})).toMatchObject({ fontOrigins: [], fontDir: undefined });
    expect(loadConfig({ CARDFRAME_FONT_ORIGINS: 'https://fonts.shop.example, http://localhost:5174' }).fontOrigins).toEqual([
      'https://fonts.shop.example',
      'http://localhost:5174',
    ]);
    expect(loadConfig({ CARDFRAME_FONT_DIR: import.meta.dirname }).fontDir).toBe(import.meta.dirname);
  });

  it.each([
    'https://fonts.example',
    'https://fonts.example:8443',
    'http://localhost:5174',
    'http://127.0.0.1:4000',
    'http://fonts.localhost',
    'http://[::1]:9000',
  ])('accepts %s', (o) => {
    expect(parseFontOrigin(o)).toBe(o);
  });

  // Each of these would widen the frame's CSP beyond one font host, or reach it over plain http.
  it.each([
    'http://fonts.example',
    '*',
    'https://*.example',
    'https://fonts.example/',
    'https://fonts.example/brand.woff2',
    "'self'",
    "'unsafe-inline'",
    'data:',
    'blob:',
    'https:',
    'https://fonts.example;script-src',
    'https://fonts.example script-src',
    'https://user@fonts.example',
    'javascript:alert(1)',
    'null',
  ])('refuses %s at start-up', (o) => {
    expect(() => parseFontOrigin(o)).toThrow(ConfigError);
    expect(() => loadConfig({ CARDFRAME_FONT_ORIGINS: o })).toThrow(/CARDFRAME_FONT_ORIGINS/);
  });

  it('refuses a font directory that does not exist', () => {
    expect(() => loadConfig({ CARDFRAME_FONT_DIR: '/nonexistent/fonts' })).toThrow(/CARDFRAME_FONT_DIR/);
  });
});

describe('parseOrigin', () => {
  it.each(['https://a.example', 'http://localhost:5173', 'https://xn--bcher-kva.example'])('accepts %s', (o) => {
    expect(parseOrigin(o)).toBe(o);
  });
  it.each([
    '*',
    'https://*.example',
    'https://a.example/',
    'https://a.example/x',
    'a.example',
    'javascript:alert(1)',
    'https://user@a.example',
    'ftp://a.example',
    'null',
  ])('rejects %s', (o) => {
    expect(() => parseOrigin(o)).toThrow(ConfigError);
  });

  it('reads the network-token and session settings (issue 12)', () => {
    expect(loadConfig({}).network).toEqual({ provider: { kind: 'sandbox' }, timeoutMs: 10_000, inlineCryptograms: false, ephemeralTokenTtlSeconds: 3600 });
    expect(
      loadConfig({
        CARDFRAME_NETWORK_TOKEN_PROVIDER: 'module:/opt/vts-provider.js',
        CARDFRAME_NETWORK_TOKEN_TIMEOUT: '3',
        CARDFRAME_NETWORK_INLINE_CRYPTOGRAMS: 'allow',
        CARDFRAME_EPHEMERAL_TOKEN_TTL: '600',
      }).network,
    ).toEqual({ provider: { kind: 'module', path: '/opt/vts-provider.js' }, timeoutMs: 3000, inlineCryptograms: true, ephemeralTokenTtlSeconds: 600 });
    expect(() => loadConfig({ CARDFRAME_NETWORK_TOKEN_PROVIDER: 'mdes' })).toThrow(ConfigError);
    expect(() => loadConfig({ CARDFRAME_NETWORK_INLINE_CRYPTOGRAMS: 'yes' })).toThrow(/allow" or "deny/);
  });
});

describe('the metrics listener settings', () => {
  it('is off by default and on loopback when a port is given', () => {
    expect(loadConfig({})).toMatchObject({ metricsPort: undefined, metricsHost: '127.0.0.1' });
    expect(loadConfig({ CARDFRAME_METRICS_PORT: '9464', CARDFRAME_METRICS_HOST: '10.0.0.5' })).toMatchObject({ metricsPort: 9464, metricsHost: '10.0.0.5' });
    expect(() => loadConfig({ CARDFRAME_METRICS_PORT: 'x' })).toThrow('CARDFRAME_METRICS_PORT must be a whole number, got "x"');
  });
});

describe('CARDFRAME_TRUST_PROXY', () => {
  it('accepts addresses, CIDR ranges and proxy-addr names, and refuses anything else by name', () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ CARDFRAME_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1,fd00::/8,loopback' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
    expect(() => loadConfig({ CARDFRAME_TRUST_PROXY: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ CARDFRAME_TRUST_PROXY: '10.0.0.0/33' })).toThrow(/"10.0.0.0\/33" is not an IP address/);
  });
});
