import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    globalSetup: ['test/support/schemas.global.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: each worker runs its own database, so keep the pool small.
    maxWorkers: 2,
  },
});
