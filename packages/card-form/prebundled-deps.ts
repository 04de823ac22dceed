/**
 * What the card form imports from its libraries, for Vite's `optimizeDeps.include` in every project that serves the
 * form to a browser under test (card-form's own tests, the frame's): CommonJS and multi-file modules found mid-run
 * make Vite reload the test page, which can drop a test. One list, so an import the form adds is pre-bundled in both.
 */
export const CARD_FORM_PREBUNDLED_DEPS = [
  'lit',
  'lit/directives/live.js',
  'card-validator/dist/expiration-month.js',
  'card-validator/dist/expiration-year.js',
  'card-validator/dist/luhn-10.js',
  'credit-card-type/dist/lib/add-matching-cards-to-results.js',
  'credit-card-type/dist/lib/card-types.js',
  'credit-card-type/dist/lib/find-best-match.js',
];
