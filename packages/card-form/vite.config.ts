import { defineProject } from 'vitest/config';
import { chromiumBrowserMode } from '../../tools/vitest-browser.ts';
import { CARD_FORM_PREBUNDLED_DEPS } from './prebundled-deps.ts';

// The card form runs only in a browser, so its tests run in real Chromium (typing, caret,
// clipboard and focus are browser behaviour that a DOM emulation would only pretend to have).
export default defineProject({
  // Pre-bundle the CommonJS and multi-file deps up front: discovering them mid-run makes
  // Vite reload the test page, which can drop a test.
  optimizeDeps: {
    include: [
      ...CARD_FORM_PREBUNDLED_DEPS,
      // Only the tests import these: the library's own entry points are the oracle for the form's answers.
      'card-validator/dist/card-number.js',
      'card-validator/dist/expiration-date.js',
      'credit-card-type',
    ],
  },
  test: {
    name: 'card-form',
    include: ['src/**/*.test.ts'],
    setupFiles: ['./src/test-setup.ts'],
    browser: chromiumBrowserMode(),
  },
});
