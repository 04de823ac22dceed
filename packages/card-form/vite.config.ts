import { playwright } from '@vitest/browser-playwright';
import { defineProject } from 'vitest/config';
import { chromiumLaunchOptions } from '../../tools/chromium.ts';

// The card form runs only in a browser, so its tests run in real Chromium (typing, caret,
// clipboard and focus are browser behaviour that a DOM emulation would only pretend to have).
export default defineProject({
  test: {
    name: 'card-form',
    include: ['src/**/*.test.ts'],
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({ launchOptions: chromiumLaunchOptions() }),
      instances: [{ browser: 'chromium' }],
      screenshotFailures: false,
    },
  },
});
