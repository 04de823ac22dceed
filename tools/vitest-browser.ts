import { playwright } from '@vitest/browser-playwright';
import type { BrowserCommand } from 'vitest/node';
import { chromiumLaunchOptions } from './chromium.ts';

/** The media features a test may emulate, as Playwright's `page.emulateMedia` takes them. */
export interface EmulatedMedia {
  reducedMotion?: 'reduce' | 'no-preference' | null;
  forcedColors?: 'active' | 'none' | null;
}

/**
 * Emulates media features for the test page through Playwright's own API (not CDP), so a test
 * that uses it is not tied to Chromium's protocol. A feature left out keeps its current value;
 * `null` returns it to the browser's own. Tests declare its type on `BrowserCommands` where they use it.
 */
const emulateMedia: BrowserCommand<[media: EmulatedMedia]> = async (context, media) => {
  if (context.provider.name !== 'playwright') throw new Error('emulateMedia needs the Playwright provider');
  await (context as unknown as { page: { emulateMedia(o: EmulatedMedia): Promise<void> } }).page.emulateMedia(media);
};

/**
 * Vitest browser mode as every browser-side workspace runs it: headless Debian Chromium through
 * Playwright, with the repo's launch flags. Code that runs in a browser is tested in one.
 * Tests reach inputs by focus and keyboard (userEvent.type focuses, it does not click) and use
 * no CDP outside files named for a Chromium-only feature (card-form-autofill); media features go
 * through `emulateMedia`.
 */
export function chromiumBrowserMode() {
  return {
    enabled: true,
    headless: true,
    provider: playwright({ launchOptions: chromiumLaunchOptions() }),
    instances: [{ browser: 'chromium' as const }],
    screenshotFailures: false,
    commands: { emulateMedia },
  };
}
