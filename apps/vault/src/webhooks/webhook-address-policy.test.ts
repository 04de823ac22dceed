import { afterEach, describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from '../test/loopback-server.ts';
import { admin, createTestVault, type TestVault } from '../test/test-vault.ts';
import { postWebhook } from './post-webhook.ts';
import { isPublicAddress, webhookUrlProblem } from './webhook-address-policy.ts';

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    'not-an-ip',
    // Issue 13, finding 10: IPv6 ranges that embed or reach IPv4, and other special ranges.
    '::ffff:7f00:1', // IPv4-mapped loopback, hex spelling
    '::ffff:a9fe:a9fe', // IPv4-mapped cloud metadata
    '::127.0.0.1', // IPv4-compatible ::/96
    '::a00:1',
    '::ffff:0:7f00:1', // SIIT ::ffff:0:0:0/96
    '64:ff9b::a9fe:a9fe', // NAT64 well-known prefix
    '64:ff9b:1::a00:1', // local-use NAT64 64:ff9b:1::/48
    '2002:7f00:1::1', // 6to4 embedding 127.0.0.1
    '2002:0808:0808::1', // 6to4 even for a public IPv4: a relay decides where it goes
    '2001:0:4136:e378:8000:63bf:3fff:fdd2', // Teredo
    'fec0::1', // deprecated site-local
    '2001:db8::1',
    '100::1',
    '192.0.2.1',
    '198.18.0.1',
    '255.255.255.255',
    '224.0.0.1',
  ])('refuses %s', (address) => expect(isPublicAddress(address)).toBe(false));

  it.each(['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '::ffff:808:808', '2001:4860:4860::8888'])('allows %s', (address) =>
    expect(isPublicAddress(address)).toBe(true),
  );
});

describe('webhookUrlProblem', () => {
  it.each([
    'http://127.0.0.1:9/hook',
    'http://[::1]/hook',
    'http://169.254.169.254/latest/meta-data',
    'http://localhost:9/hook',
    'http://[::ffff:a9fe:a9fe]/latest/meta-data',
    'http://[64:ff9b::7f00:1]/hook',
    'http://[2002:7f00:1::1]/hook',
  ])('refuses %s under public-only', async (url) => expect(await webhookUrlProblem(url, 'public-only')).toMatch(/private, loopback or link-local/));

  it('allows a public address, and anything under the "any" policy', async () => {
    expect(await webhookUrlProblem('https://93.184.216.34/hook', 'public-only')).toBeUndefined();
    expect(await webhookUrlProblem('http://127.0.0.1:9/hook', 'any')).toBeUndefined();
  });
});

describe('postWebhook', () => {
  let receiver: LoopbackServer | undefined;
  afterEach(async () => receiver?.close());

  it('connects to loopback only when private networks are allowed, judging the resolved address', async () => {
    receiver = await startLoopbackServer();
    const port = new URL(receiver.origin).port;
    for (const host of ['127.0.0.1', 'localhost']) {
      await expect(postWebhook(`http://${host}:${port}/hook`, {}, '{}', 2000, 'public-only')).rejects.toThrow(/not a public address/);
    }
    expect(receiver.received).toHaveLength(0);
    expect(await postWebhook(`http://localhost:${port}/hook`, {}, '{}', 2000, 'any')).toBe(200);
    expect(receiver.received).toHaveLength(1);
  });
});

describe('POST /api/admin/webhooks under the default public-only policy', () => {
  let vault: TestVault | undefined;
  afterEach(async () => vault?.close());

  it('refuses a receiver on a private address with a 422 at $.url', async () => {
    vault = await createTestVault({ webhookNetworkPolicy: 'public-only' });
    for (const url of ['http://127.0.0.1:9/hook', 'http://localhost:9/hook', 'http://169.254.169.254/x']) {
      const res = await vault.app.inject({
        method: 'POST',
        url: '/api/admin/webhooks',
        headers: admin,
        payload: { events: ['pci.token.security-code.expired'], url },
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().validation_errors).toEqual([{ path: '$.url', message: expect.stringMatching(/private, loopback or link-local/) }]);
    }
  });
});
