import { defineConfig } from 'vitest/config';

// Kept apart from vite.config.ts so that a web-app `root` never hides the engine tests.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // hang guards, not speed checks: a loaded 2-core machine (CI; two CPU burners) makes a step many
    // times slower than on an idle one, and a test must fail for a reason, not for the load
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
