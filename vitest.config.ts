import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Network fixtures bind loopback ports; files run in parallel workers on the 2 cores.
    pool: 'forks',
  },
});
