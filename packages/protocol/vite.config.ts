import { defineProject } from 'vitest/config';

// Pure contracts: no DOM, no Node APIs, so the tests run in Node.
export default defineProject({
  test: {
    name: 'protocol',
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
