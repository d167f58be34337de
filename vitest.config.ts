import { defineConfig } from 'vitest/config';

// Integration and e2e tests load the real model or start servers: run files one at a time
// (2 cores) so they never compete; unit tests are fast either way.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
