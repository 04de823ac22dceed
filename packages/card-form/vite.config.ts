import { defineProject } from 'vitest/config';
import { chromiumBrowserMode } from '../../tools/vitest-browser.ts';

// The card form runs only in a browser, so its tests run in real Chromium (typing, caret,
// clipboard and focus are browser behaviour that a DOM emulation would only pretend to have).
export default defineProject({
  // Pre-bundle the CommonJS and multi-file deps up front: discovering them mid-run makes
  // Vite reload the test page, which can drop a test.
  optimizeDeps: {
    include: ['lit', 'lit/directives/live.js', 'card-validator/dist/card-number.js', 'card-validator/dist/expiration-date.js'],
  },
  test: {
    name: 'card-form',
    include: ['src/**/*.test.ts'],
    setupFiles: ['./src/test-setup.ts'],
    browser: chromiumBrowserMode(),
  },
});
