/**
 * A real Postfix + Dovecot SASL, started from the Debian packages as this test run's own instance.
 *
 * How it works:
 * - Everything lives in one temp dir: Postfix gets its own `config_directory` (main.cf + master.cf
 *   written here), `queue_directory` and `data_directory`, so the system's /etc/postfix and
 *   /var/spool/postfix are never touched and several instances can run side by side.
 * - Postfix listens on 127.0.0.1 only, on two random free high ports: a submission service
 *   (STARTTLS required, AUTH required, AUTH only after TLS) and an smtps service
 *   (`smtpd_tls_wrappermode`, implicit TLS). No port 25 listener, no chroot, no outbound delivery:
 *   mail for @localhost is accepted, queued and then handed to the `discard` transport.
 * - Dovecot runs in the foreground (`dovecot -F -c <own conf>`) only as the SASL back end: no
 *   protocols, a passwd-file user db holding one user with a salted SSHA256 hash (the clear password
 *   is never written anywhere), and an auth socket inside Postfix's queue dir that Postfix uses
 *   through `smtpd_sasl_type = dovecot`.
 * - The certificate is signed by a throwaway CA made by the shared test/support/pki.ts: untrusted
 *   unless the test passes `caPem`/`--ca`, which is exactly what the `tls.untrusted` case needs.
 * - Postfix logs to `<dir>/maillog` (postlogd, `maillog_file`), Dovecot to `<dir>/dovecot.log`; both
 *   are printed to stderr when start-up fails, and by `dumpLogs()` on demand.
 * - Needs root (Postfix drops to the `postfix` user itself), as CI runs. `stop()` stops Postfix,
 *   kills Dovecot and removes the temp dir; it is safe to call twice. Set MAILCHECK_MTA_KEEP=1 to
 *   keep the temp dir (configs and logs) for a post-mortem.
 * - Start-up takes about 2 s; a failed start (e.g. a port taken in the meantime) is retried.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestPki } from '../support/pki';

const run = promisify(execFile);

const POSTFIX_COMMAND_TIMEOUT_MS = 30_000;
const PORT_WAIT_TIMEOUT_MS = 20_000;
const PORT_POLL_INTERVAL_MS = 100;
const STOP_WAIT_TIMEOUT_MS = 10_000;
export const MTA_USER = 'tester@localhost';
export const MTA_LOCAL_RECIPIENT = 'postmaster@localhost';

export interface RunningMta {
  host: '127.0.0.1';
  submissionPort: number;
  smtpsPort: number;
  caPem: string;
  caFile: string;
  user: string;
  /** Unique per start; a throwaway that exists only in memory (Dovecot holds a salted hash). */
  password: string;
  /** Postfix's log so far (for assertions such as "the message was queued"). */
  readMaillog(): Promise<string>;
  /** Prints both logs to stderr. */
  dumpLogs(): Promise<void>;
  stop(): Promise<void>;
}

/** Asks the kernel for a free loopback port. Postfix binds it a moment later. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitForPort(port: number, isAlive: () => boolean): Promise<void> {
  const deadline = Date.now() + PORT_WAIT_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (await canConnect(port)) return;
    if (!isAlive()) throw new Error(`the MTA died before port ${port} opened`);
    await new Promise((r) => setTimeout(r, PORT_POLL_INTERVAL_MS));
  }
  throw new Error(`port ${port} did not open within ${PORT_WAIT_TIMEOUT_MS} ms`);
}

/** Dovecot's {SSHA256} scheme: base64(sha256(password + salt) + salt). */
function ssha256(password: string): string {
  const salt = randomBytes(8);
  const digest = createHash('sha256').update(password).update(salt).digest();
  return '{SSHA256}' + Buffer.concat([digest, salt]).toString('base64');
}

function mainCf(dir: string, pki: { certFile: string; keyFile: string }): string {
  return `# Written by test/mta/mta.ts for one test run.
compatibility_level = 3.6
config_directory = ${dir}/postfix
queue_directory = ${dir}/queue
data_directory = ${dir}/data
maillog_file = ${dir}/maillog
maillog_file_prefixes = ${dir}
syslog_name = mailcheck-mta
mail_owner = postfix
setgid_group = postdrop
myhostname = localhost
mydomain = localhost
myorigin = localhost
mydestination = localhost
mynetworks = 127.0.0.0/8
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
smtputf8_enable = no
biff = no
# Accept any @localhost recipient, queue it, then throw it away: nothing ever leaves.
local_recipient_maps =
local_transport = discard
default_transport = error:outbound mail is disabled in the test MTA
alias_maps =
alias_database =
smtpd_tls_cert_file = ${pki.certFile}
smtpd_tls_key_file = ${pki.keyFile}
smtpd_tls_loglevel = 1
smtpd_sasl_type = dovecot
smtpd_sasl_path = ${dir}/queue/private/auth
smtpd_sasl_auth_enable = no
smtpd_relay_restrictions = permit_sasl_authenticated, reject_unauth_destination
smtpd_recipient_restrictions = permit_sasl_authenticated, reject
# Fast failures keep the tests short.
smtpd_error_sleep_time = 0
smtpd_soft_error_limit = 100
smtpd_hard_error_limit = 100
`;
}

function masterCf(submissionPort: number, smtpsPort: number): string {
  const auth = '-o smtpd_sasl_auth_enable=yes -o smtpd_client_restrictions=permit_sasl_authenticated,reject';
  return `# Written by test/mta/mta.ts. No chroot: the queue dir is a temp dir.
127.0.0.1:${submissionPort} inet n - n - - smtpd -o syslog_name=mailcheck-mta/submission -o smtpd_tls_security_level=encrypt -o smtpd_tls_auth_only=yes ${auth}
127.0.0.1:${smtpsPort} inet n - n - - smtpd -o syslog_name=mailcheck-mta/smtps -o smtpd_tls_wrappermode=yes ${auth}
pickup    unix  n - n 60 1 pickup
cleanup   unix  n - n - 0 cleanup
qmgr      unix  n - n 300 1 qmgr
tlsmgr    unix  - - n 1000? 1 tlsmgr
rewrite   unix  - - n - - trivial-rewrite
bounce    unix  - - n - 0 bounce
defer     unix  - - n - 0 bounce
trace     unix  - - n - 0 bounce
verify    unix  - - n - 1 verify
flush     unix  n - n 1000? 0 flush
proxymap  unix  - - n - - proxymap
showq     unix  n - n - - showq
error     unix  - - n - - error
retry     unix  - - n - - error
discard   unix  - - n - - discard
anvil     unix  - - n - 1 anvil
scache    unix  - - n - 1 scache
postlog   unix-dgram n - n - 1 postlogd
`;
}

function dovecotConf(dir: string): string {
  return `# Written by test/mta/mta.ts: SASL back end for the test Postfix only.
base_dir = ${dir}/dovecot-run
state_dir = ${dir}/dovecot-state
log_path = ${dir}/dovecot.log
protocols =
ssl = no
# Postfix talks to this socket locally; Postfix itself enforces TLS before AUTH.
disable_plaintext_auth = no
auth_mechanisms = plain login
# Wrong-password tests should not wait Dovecot's default 2 s penalty.
auth_failure_delay = 0
passdb {
  driver = passwd-file
  args = scheme=SSHA256 ${dir}/users
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=/nonexistent
}
# Dovecot slows down repeated failures from one IP (up to 15 s): tests fail logins on purpose.
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
service auth {
  unix_listener ${dir}/queue/private/auth {
    mode = 0660
    user = postfix
    group = postfix
  }
}
`;
}

async function systemUid(user: string): Promise<number> {
  const { stdout } = await run('id', ['-u', user], { timeout: POSTFIX_COMMAND_TIMEOUT_MS });
  return Number.parseInt(stdout.trim(), 10);
}

async function readIfExists(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return '';
  }
}

async function postfix(dir: string, action: string): Promise<void> {
  await run('postfix', ['-c', join(dir, 'postfix'), action], { timeout: POSTFIX_COMMAND_TIMEOUT_MS });
}

async function masterPid(dir: string): Promise<number | null> {
  const text = await readIfExists(join(dir, 'queue', 'pid', 'master.pid'));
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number): Promise<boolean> {
  const deadline = Date.now() + STOP_WAIT_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!isRunning(pid)) return true;
    await new Promise((r) => setTimeout(r, PORT_POLL_INTERVAL_MS));
  }
  return false;
}

/** A free port can be taken by someone else before Postfix binds it: then the start is retried. */
const START_ATTEMPTS = 3;

export async function startMta(): Promise<RunningMta> {
  if (process.getuid?.() !== 0) throw new Error('startMta needs root: Postfix must drop to its own user');
  let lastError: unknown;
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
    try {
      return await startMtaOnce();
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

async function startMtaOnce(): Promise<RunningMta> {
  const dir = await mkdtemp(join(tmpdir(), 'mailcheck-mta-'));
  // Postfix's processes run as the postfix user and must reach the queue dir inside.
  await chmod(dir, 0o755);
  const password = `mta-${randomBytes(12).toString('hex')}`;
  let dovecot: ChildProcess | null = null;
  let dovecotAlive = false;

  const readMaillog = (): Promise<string> => readIfExists(join(dir, 'maillog'));
  const dumpLogs = async (): Promise<void> => {
    process.stderr.write(`--- ${dir}/maillog ---\n${await readMaillog()}\n`);
    process.stderr.write(`--- ${dir}/dovecot.log ---\n${await readIfExists(join(dir, 'dovecot.log'))}\n`);
  };

  // Postfix's master is a daemon: if the test process ends without stop() (a crash, an interrupted
  // run), this last-chance hook still takes it and Dovecot down instead of leaving them running.
  let masterPidKnown: number | null = null;
  const killOnExit = (): void => {
    // Only synchronous calls work in an exit handler: signal, then remove what can be removed.
    const targets: Array<[number | null | undefined, NodeJS.Signals]> = [
      [masterPidKnown, 'SIGTERM'],
      [dovecotAlive ? dovecot?.pid : undefined, 'SIGKILL'],
    ];
    for (const [pid, signal] of targets) {
      try {
        if (pid) process.kill(pid, signal);
      } catch {
        /* already gone */
      }
    }
    try {
      if (!process.env.MAILCHECK_MTA_KEEP) rmSync(dir, { recursive: true, force: true });
    } catch {
      /* a daemon still writing: a leftover temp dir is the lesser evil */
    }
  };
  process.once('exit', killOnExit);

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', killOnExit);
    const pid = await masterPid(dir);
    await postfix(dir, 'stop').catch(() => undefined);
    if (pid !== null && !(await waitForExit(pid))) {
      // master did not react: kill its whole process group.
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    if (dovecot && dovecotAlive) {
      const exited = new Promise((r) => dovecot?.once('exit', r));
      dovecot.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, STOP_WAIT_TIMEOUT_MS))]);
      if (dovecotAlive) dovecot.kill('SIGKILL');
    }
    if (!process.env.MAILCHECK_MTA_KEEP) await rm(dir, { recursive: true, force: true });
  };

  try {
    await mkdir(join(dir, 'pki'));
    const pki = await createTestPki(join(dir, 'pki'));
    const [submissionPort, smtpsPort] = [await freePort(), await freePort()];
    await mkdir(join(dir, 'postfix'));
    await mkdir(join(dir, 'data'));
    await mkdir(join(dir, 'queue'));
    await writeFile(join(dir, 'postfix', 'main.cf'), mainCf(dir, pki.server));
    await writeFile(join(dir, 'postfix', 'master.cf'), masterCf(submissionPort, smtpsPort));
    await writeFile(join(dir, 'dovecot.conf'), dovecotConf(dir));
    await writeFile(join(dir, 'users'), `${MTA_USER}:${ssha256(password)}\n`, { mode: 0o600 });
    // Dovecot's auth process runs as the dovecot user and must read the user db.
    await chown(join(dir, 'users'), await systemUid('dovecot'), 0);
    // Creates the queue's sub-directories with the right owners before anything binds to them.
    await run('postfix', ['-c', join(dir, 'postfix'), 'set-permissions'], {
      timeout: POSTFIX_COMMAND_TIMEOUT_MS,
    }).catch(() => undefined);
    await postfix(dir, 'start');
    masterPidKnown = await masterPid(dir);

    dovecot = spawn('dovecot', ['-F', '-c', join(dir, 'dovecot.conf')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    dovecotAlive = true;
    let dovecotOutput = '';
    dovecot.stdout?.on('data', (d: Buffer) => (dovecotOutput += d.toString()));
    dovecot.stderr?.on('data', (d: Buffer) => (dovecotOutput += d.toString()));
    dovecot.once('exit', () => (dovecotAlive = false));

    const alive = (): boolean => dovecotAlive;
    await waitForPort(submissionPort, alive);
    await waitForPort(smtpsPort, alive);
    await waitForSocket(join(dir, 'queue', 'private', 'auth'), alive, () => dovecotOutput);

    return {
      host: '127.0.0.1',
      submissionPort,
      smtpsPort,
      caPem: pki.ca.cert,
      caFile: pki.ca.certFile,
      user: MTA_USER,
      password,
      readMaillog,
      dumpLogs,
      stop,
    };
  } catch (error) {
    await dumpLogs();
    await stop();
    throw error;
  }
}

async function waitForSocket(path: string, isAlive: () => boolean, output: () => string): Promise<void> {
  const deadline = Date.now() + PORT_WAIT_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect({ path });
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    if (!isAlive()) throw new Error(`dovecot exited during start-up: ${output()}`);
    await new Promise((r) => setTimeout(r, PORT_POLL_INTERVAL_MS));
  }
  throw new Error(`dovecot's auth socket ${path} did not appear within ${PORT_WAIT_TIMEOUT_MS} ms`);
}
