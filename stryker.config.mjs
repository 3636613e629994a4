// Mutation testing of the engine's pure modules: `npm run mutation` (not part of `npm test` or CI).
// Stryker changes one thing in the code at a time (a condition, a bound, a string) and runs
// vitest.mutation.config.ts against it: a mutant that no test notices is a gap in the tests.
// Reports: .tmp/mutation/index.html and .tmp/mutation/report.json. See docs/testing.md.
//
// One module at a time (the machine has 2 cores):
//   npm run mutation -- --mutate src/engine/probe/validate.ts
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: [
    // Input validation, reply classification, redaction, and the discovery parsers (the pure ones:
    // the others open sockets or files and are tested against servers, not here).
    'src/engine/probe/validate.ts',
    'src/engine/smtp/classify.ts',
    'src/engine/transcript/redact.ts',
    'src/engine/discovery/{address,config-xml,printable,trust,mx-providers}.ts',
  ],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: '.tmp/mutation/index.html' },
  jsonReporter: { fileName: '.tmp/mutation/report.json' },
  tempDirName: '.tmp/stryker-tmp',
  cleanTempDir: true,
  // Only what the pure tests load is copied into Stryker's sandbox.
  ignorePatterns: [
    'out',
    'dist',
    '.tmp',
    'docs/*',
    '!docs/diagnoses.md',
    'bench',
    'build',
    'reports',
    '*.log',
  ],
  thresholds: { high: 85, low: 70, break: null },
};
