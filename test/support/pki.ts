/**
 * Test certificates, made with the system's openssl (node:crypto cannot issue X.509 certificates).
 * Reusable by every test suite (engine fixtures, the Postfix harness, end-to-end tests).
 *
 * Exports:
 * - `createTestPki(dir?)` → `Promise<TestPki>`: writes everything into `dir` (a fresh temp dir when
 *   omitted) and returns PEM texts and file paths:
 *   - `ca`            test CA (trusted only when passed explicitly, e.g. as `caPem`)
 *   - `server`        localhost / 127.0.0.1 / ::1, signed by the CA, valid now
 *   - `selfSigned`    localhost / 127.0.0.1, self-signed (untrusted even with the CA)
 *   - `expired`       localhost / 127.0.0.1, signed by the CA, expired in 2020
 *   - `wrongHost`     wrong.example only, signed by the CA (name mismatch for localhost)
 *   Each of `server`, `selfSigned`, `expired`, `wrongHost` is a `TestCert` { cert, key, certFile, keyFile }.
 * - `removeTestPki(pki)`: deletes the directory when it was created by `createTestPki()`.
 *
 * Keys are EC P-256 (fast to generate). Every openssl call has a timeout.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const OPENSSL_TIMEOUT_MS = 20_000;
/** Long enough for any test run, short enough that a leaked key is worthless. */
const VALIDITY_DAYS = '7';
const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

export interface TestCert {
  cert: string;
  key: string;
  certFile: string;
  keyFile: string;
}

export interface TestPki {
  dir: string;
  ownsDir: boolean;
  ca: TestCert;
  server: TestCert;
  selfSigned: TestCert;
  expired: TestCert;
  wrongHost: TestCert;
}

async function openssl(args: string[], cwd: string): Promise<void> {
  await run('openssl', args, { cwd, timeout: OPENSSL_TIMEOUT_MS });
}

async function load(dir: string, name: string): Promise<TestCert> {
  const certFile = join(dir, `${name}.pem`);
  const keyFile = join(dir, `${name}.key`);
  return { cert: await readFile(certFile, 'utf8'), key: await readFile(keyFile, 'utf8'), certFile, keyFile };
}

function sanExtension(dir: string, name: string, san: string): Promise<void> {
  return writeFile(
    join(dir, `${name}.ext`),
    `basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=${san}\n`,
  );
}

/** A key and a certificate request for `cn`. */
async function request(dir: string, name: string, cn: string): Promise<void> {
  await openssl(
    [
      'req',
      ...EC_KEY,
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.csr`,
      '-subj',
      `/O=Mailcheck tests/CN=${cn}`,
    ],
    dir,
  );
}

/** Issues `name` from the test CA with `x509 -req` (valid from now). */
async function issue(dir: string, name: string, cn: string, san: string): Promise<void> {
  await request(dir, name, cn);
  await sanExtension(dir, name, san);
  await openssl(
    [
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      VALIDITY_DAYS,
      '-extfile',
      `${name}.ext`,
      '-out',
      `${name}.pem`,
    ],
    dir,
  );
}

/** Issues `name` from the test CA with fixed dates in the past (`openssl ca` can back-date). */
async function issueExpired(dir: string, name: string, cn: string, san: string): Promise<void> {
  await request(dir, name, cn);
  await sanExtension(dir, name, san);
  await writeFile(join(dir, 'index.txt'), '');
  await writeFile(
    join(dir, 'ca.cnf'),
    [
      '[ca]',
      'default_ca = test_ca',
      '[test_ca]',
      'dir = .',
      'database = index.txt',
      'new_certs_dir = .',
      'serial = ca.srl',
      'default_md = sha256',
      'policy = any',
      'unique_subject = no',
      'copy_extensions = none',
      '[any]',
      'organizationName = optional',
      'commonName = supplied',
      '',
    ].join('\n'),
  );
  await openssl(
    [
      'ca',
      '-batch',
      '-config',
      'ca.cnf',
      '-cert',
      'ca.pem',
      '-keyfile',
      'ca.key',
      '-in',
      `${name}.csr`,
      '-out',
      `${name}.pem`,
      '-notext',
      '-startdate',
      '20200101000000Z',
      '-enddate',
      '20200201000000Z',
      '-extfile',
      `${name}.ext`,
    ],
    dir,
  );
}

export async function createTestPki(dir?: string): Promise<TestPki> {
  const ownsDir = !dir;
  const root = dir ?? (await mkdtemp(join(tmpdir(), 'mailcheck-pki-')));
  const localSan = 'DNS:localhost,IP:127.0.0.1,IP:::1';
  await openssl(
    [
      'req',
      '-x509',
      ...EC_KEY,
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      VALIDITY_DAYS,
      '-subj',
      '/O=Mailcheck tests/CN=Mailcheck Test CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    root,
  );
  await issue(root, 'server', 'localhost', localSan);
  await issue(root, 'wrong-host', 'wrong.example', 'DNS:wrong.example');
  await issueExpired(root, 'expired', 'localhost', localSan);
  await sanExtension(root, 'self-signed', 'DNS:localhost,IP:127.0.0.1');
  await openssl(
    [
      'req',
      '-x509',
      ...EC_KEY,
      '-keyout',
      'self-signed.key',
      '-out',
      'self-signed.pem',
      '-days',
      VALIDITY_DAYS,
      '-subj',
      '/O=Mailcheck tests/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
    ],
    root,
  );
  return {
    dir: root,
    ownsDir,
    ca: await load(root, 'ca'),
    server: await load(root, 'server'),
    selfSigned: await load(root, 'self-signed'),
    expired: await load(root, 'expired'),
    wrongHost: await load(root, 'wrong-host'),
  };
}

export async function removeTestPki(pki: TestPki): Promise<void> {
  if (pki.ownsDir) await rm(pki.dir, { recursive: true, force: true });
}
