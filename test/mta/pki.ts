/**
 * The flat PKI shape the Postfix harness started with (one CA, one localhost server certificate),
 * kept because other suites (test/e2e) import it. It is an adapter over the shared
 * test/support/pki.ts, so there is one implementation of the test certificates.
 */
import { createTestPki as createSharedPki } from '../support/pki';

export interface TestPki {
  caFile: string;
  caPem: string;
  certFile: string;
  keyFile: string;
}

/** Writes the certificates into `dir` (which must exist); the server name is localhost / 127.0.0.1. */
export async function createTestPki(dir: string): Promise<TestPki> {
  const pki = await createSharedPki(dir);
  return {
    caFile: pki.ca.certFile,
    caPem: pki.ca.cert,
    certFile: pki.server.certFile,
    keyFile: pki.server.keyFile,
  };
}
