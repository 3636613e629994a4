import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Files that assert durations (a cancel "at once", a diagnosis "before the timeout", a watchdog
 * "within its bound"). Their bounds are generous, and they also run apart: in a second group,
 * after every other file finished, one file at a time, so that they do not compete for the
 * 2 cores with the rest of the suite.
 */
const TIMING_FILES = [
  'test/engine/hostile.test.ts',
  'test/engine/probe.test.ts',
  'test/engine/tls.test.ts',
  'test/cli/cancel.test.ts',
  'test/interop/postfix-engine.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Network fixtures bind loopback ports; files run in parallel workers on the 2 cores.
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'main',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: [...configDefaults.exclude, ...TIMING_FILES],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'timing',
          include: TIMING_FILES,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
