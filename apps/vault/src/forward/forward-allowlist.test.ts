import { describe, expect, it } from 'vitest';
import { allowedDestination, ForwardAllowlistError, parseForwardAllowlist } from './forward-allowlist.ts';

const rules = parseForwardAllowlist('https://api.psp.example, http://127.0.0.1:8099/v1/payments/ ,https://pay.example:8443/charge');

describe('parseForwardAllowlist', () => {
  it('normalises origins and path prefixes', () => {
    expect(rules).toEqual([
      { origin: 'https://api.psp.example', pathPrefix: '' },
      { origin: 'http://127.0.0.1:8099', pathPrefix: '/v1/payments' },
      { origin: 'https://pay.example:8443', pathPrefix: '/charge' },
    ]);
    expect(parseForwardAllowlist(undefined)).toEqual([]);
    expect(parseForwardAllowlist(' , ')).toEqual([]);
  });

  it.each(['psp.example', 'ftp://psp.example', 'https://u:p@psp.example', 'https://psp.example/?a=1', 'https://psp.example/#x', 'https://*.psp.example'])(
    'refuses %s at start-up',
    (entry) => expect(() => parseForwardAllowlist(entry)).toThrow(ForwardAllowlistError),
  );
});

describe('allowedDestination: scheme + host + port exactly, path prefix by whole segments', () => {
  it.each([
    'https://api.psp.example/anything?x=1',
    'https://API.PSP.example:443/upper-case-host-and-default-port',
    'http://127.0.0.1:8099/v1/payments',
    'http://127.0.0.1:8099/v1/payments/auth',
    'https://pay.example:8443/charge/1#fragment-dropped',
  ])('allows %s', (url) => expect(allowedDestination(rules, url)).toBeInstanceOf(URL));

  it.each([
    'http://api.psp.example/', // scheme
    'https://api.psp.example:444/', // port
    'https://evil.example/?https://api.psp.example', // host
    'https://api.psp.example.evil.example/', // suffix host
    'https://api.psp.example./', // trailing-dot host is another name
    'https://user:pw@api.psp.example/', // credentials
    'http://127.0.0.1:8099/v1/paymentsX', // not a whole segment
    'http://127.0.0.1:8099/v1/payments/../admin', // dot segments resolved first
    'http://127.0.0.1:8099/v1/payments/%2e%2e/admin', // encoded dot segments too
    'http://127.0.0.1:8099/v1', // above the prefix
    'http://localhost:8099/v1/payments', // other name for the same host
    'https://pay.example/charge', // default port is not 8443
    'javascript:alert(1)',
    'not a url',
  ])('refuses %s', (url) => expect(allowedDestination(rules, url)).toBeUndefined());

  it('sends the normalised URL without its fragment', () => {
    expect(allowedDestination(rules, 'https://pay.example:8443/charge/a/./b#frag')!.href).toBe('https://pay.example:8443/charge/a/b');
  });
});
