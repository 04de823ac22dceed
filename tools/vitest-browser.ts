import { playwright } from '@vitest/browser-playwright';
import type { BrowserCommand } from 'vitest/node';
import { chromiumLaunchOptions } from './chromium.ts';

/**
 * Emulates `prefers-reduced-motion` for the test page through Playwright's own API (not CDP), so
 * a test that uses it is not tied to Chromium's protocol. Tests declare its type on
 * `BrowserCommands` where they use it.
 */
const emulateReducedMotion: BrowserCommand<[reduce: boolean]> = async (context, reduce) => {
  if (context.provider.name !== 'playwright') throw new Error('emulateReducedMotion needs the Playwright provider');
  await (context as unknown as { page: { emulateMedia(o: { reducedMotion: string }): Promise<void> } }).page.emulateMedia({
    reducedMotion: reduce ? 'reduce' : 'no-preference',
  });
};

/**
 * Vitest browser mode as every browser-side workspace runs it: headless Debian Chromium through
 * Playwright, with the repo's launch flags. Code that runs in a browser is tested in one.
 * Tests reach inputs by focus and keyboard (userEvent.type focuses, it does not click) and use
 * no CDP outside files named for a Chromium-only feature (card-form-autofill).
 */
export function chromiumBrowserMode() {
  return {
    enabled: true,
    headless: true,
    provider: playwright({ launchOptions: chromiumLaunchOptions() }),
    instances: [{ browser: 'chromium' as const }],
    screenshotFailures: false,
    commands: { emulateReducedMotion },
  };
}
