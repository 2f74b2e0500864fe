import { defineConfig } from 'vitest/config';

// Kept apart from vite.config.ts so that a web-app `root` never hides the engine tests.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
  },
});
