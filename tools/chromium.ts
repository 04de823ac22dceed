/**
 * How every browser test in this repo launches Chromium.
 *
 * Playwright's own browser download cannot run on our machines, so we drive the
 * distribution's Chromium. `CARDFRAME_CHROMIUM` overrides the path elsewhere
 * (for example a Playwright-managed browser on a laptop).
 */
export const chromiumExecutablePath: string =
  process.env.CARDFRAME_CHROMIUM ?? '/usr/bin/chromium';

/** The two sites of the e2e world: the merchant and the vault are distinct registrable domains. */
export const testSites = {
  vaultHost: 'vault.test',
  shopHost: 'shop.test',
  thirdPartyHost: 'evil.test',
} as const;

/**
 * Flags that keep Chromium quiet on a closed network (no background fetches that
 * would be refused by the sandbox) and usable as root in CI.
 */
export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Maps the test sites to loopback so the merchant page and the vault frame are
 * truly cross-site (separate origins and separate sites for cookies and storage).
 */
export function hostResolverRules(hosts: readonly string[] = Object.values(testSites)): string {
  return `--host-resolver-rules=${hosts.map((h) => `MAP ${h} 127.0.0.1`).join(', ')}`;
}

/**
 * The e2e sites are plain http on made-up hosts, which browsers do not treat as secure
 * contexts, and WebCrypto (the frame's JWE) exists only in secure contexts. Production runs
 * on https; the test world declares its exact origins secure instead of adding TLS.
 */
export function treatAsSecure(origins: readonly string[]): string {
  return `--unsafely-treat-insecure-origin-as-secure=${origins.join(',')}`;
}

/** Launch options for Playwright: pass the exact http origins the test serves, if any. */
export function chromiumLaunchOptions(secureOrigins: readonly string[] = []): {
  executablePath: string;
  args: string[];
} {
  const args = [...chromiumArgs, hostResolverRules()];
  if (secureOrigins.length > 0) args.push(treatAsSecure(secureOrigins));
  return { executablePath: chromiumExecutablePath, args };
}
