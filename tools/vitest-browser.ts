import { playwright } from '@vitest/browser-playwright';
import { chromiumLaunchOptions } from './chromium.ts';

/**
 * Vitest browser mode as every browser-side workspace runs it: headless Debian Chromium through
 * Playwright, with the repo's launch flags. Code that runs in a browser is tested in one.
 */
export function chromiumBrowserMode() {
  return {
    enabled: true,
    headless: true,
    provider: playwright({ launchOptions: chromiumLaunchOptions() }),
    instances: [{ browser: 'chromium' as const }],
    screenshotFailures: false,
  };
}
