import { describe, expect, it } from 'vitest';
import { merchantCsp } from './merchant-csp.ts';

const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );

describe('merchantCsp', () => {
  it('allows exactly the vault SDK file as a third-party script and the vault origin as the only frame', () => {
    const csp = directives(merchantCsp('http://localhost:8080'));
    expect(csp.get('script-src')).toEqual(["'self'", 'http://localhost:8080/sdk/v1/cardframe.js']);
    expect(csp.get('frame-src')).toEqual(['http://localhost:8080']);
    // The vault only for the SDK's origin check (GET /frame/v1/allowed), which a slow frame triggers.
    expect(csp.get('connect-src')).toEqual(["'self'", 'http://localhost:8080']);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
  });

  it('allows the Hellgate-shaped script instead on the page that loads it', () => {
    const csp = directives(merchantCsp('http://localhost:8080', '/hellgate/v1/hellgate.js'));
    expect(csp.get('script-src')).toEqual(["'self'", 'http://localhost:8080/hellgate/v1/hellgate.js']);
  });

  it('uses the origin of a vault URL that has a path, and never a wildcard or unsafe keyword', () => {
    const csp = merchantCsp('https://vault.example:8443/some/path');
    expect(directives(csp).get('frame-src')).toEqual(['https://vault.example:8443']);
    expect(csp).not.toMatch(/\*|unsafe-inline|unsafe-eval/);
  });
});
