import { defineProject } from 'vitest/config';
import { chromiumBrowserMode } from '../../tools/vitest-browser.ts';

// The card form runs only in a browser, so its tests run in real Chromium (typing, caret,
// clipboard and focus are browser behaviour that a DOM emulation would only pretend to have).
export default defineProject({
  // Pre-bundle the CommonJS and multi-file deps up front: discovering them mid-run makes
  // Vite reload the test page, which can drop a test.
  optimizeDeps: {
    include: [
      'lit',
      'lit/directives/live.js',
      'card-validator/dist/expiration-month.js',
      'card-validator/dist/expiration-year.js',
      'card-validator/dist/luhn-10.js',
      'credit-card-type/dist/lib/add-matching-cards-to-results.js',
      'credit-card-type/dist/lib/card-types.js',
      'credit-card-type/dist/lib/find-best-match.js',
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
