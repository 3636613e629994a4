/**
 * The tests Stryker runs against each mutant (stryker.config.mjs): only the pure engine modules'
 * tests, which need no server, keychain or browser, so one mutant takes well under a second.
 * A test file belongs here when it exercises a module listed in stryker.config.mjs `mutate`
 * without touching the network.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Not redaction-property.test.ts: it drives the CLI against a real smtp-server.
    include: [
      'test/engine/validate.test.ts',
      'test/engine/validate-*.test.ts',
      'test/engine/classify.test.ts',
      'test/engine/classify-*.test.ts',
      'test/engine/reply-rules.test.ts',
      'test/engine/redact.test.ts',
      'test/engine/redact-*.test.ts',
      'test/engine/catalogue.test.ts',
      'test/discovery/units.test.ts',
      'test/discovery/knowledge.test.ts',
      'test/discovery/config-xml.test.ts',
    ],
    environment: 'node',
    testTimeout: 30_000,
  },
});
