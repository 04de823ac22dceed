/**
 * How every browser test in this repo launches Chromium.
 *
 * Playwright's own browser download cannot run on our machines, so we drive the
 * distribution's Chromium. `CARDFRAME_CHROMIUM` overrides the path elsewhere
 * (for example a Playwright-managed browser on a laptop).
 *
 * No host mapping and no "treat as secure" flags: the e2e world uses loopback names that every
 * engine already treats as distinct, secure sites (e2e/sites.ts, docs/decisions/0008).
 */
export const chromiumExecutablePath: string = process.env.CARDFRAME_CHROMIUM ?? '/usr/bin/chromium';

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

/** Launch options for Playwright (the component suites' Vitest browser mode). */
export function chromiumLaunchOptions(): { executablePath: string; args: string[] } {
  return { executablePath: chromiumExecutablePath, args: [...chromiumArgs] };
}
