/**
 * A real Dovecot (dovecot-imapd, dovecot-pop3d from Debian) serving IMAP and POP3 on loopback, as
 * this test run's own instance, with a mailbox that holds a few messages.
 *
 * How it works:
 * - Everything lives in one temp dir: Dovecot runs in the foreground (`dovecot -F -c <own conf>`)
 *   with its own base_dir, state_dir and log file; the system's /etc/dovecot is never read.
 * - Four listeners on 127.0.0.1, random free high ports: IMAP with STARTTLS (143-style), IMAP over
 *   implicit TLS (993-style), POP3 with STLS (110-style), POP3 over implicit TLS (995-style).
 *   `disable_plaintext_auth = yes`: no login before TLS, as every provider does.
 * - One user in a passwd-file with a salted SSHA256 hash (the clear password is only in memory);
 *   its Maildir holds MAILBOX_MESSAGES messages, MAILBOX_UNSEEN of them unread.
 * - The certificate comes from the shared test/support/pki.ts: untrusted unless the test passes
 *   `caPem` / `--ca`.
 * - Needs root (Dovecot drops privileges itself). `stop()` is safe to call twice; an exit hook
 *   kills Dovecot if the test process ends without it. MAILCHECK_MTA_KEEP=1 keeps the temp dir.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestPki } from '../support/pki';

const PORT_WAIT_TIMEOUT_MS = 20_000;
const POLL_MS = 100;
const STOP_WAIT_TIMEOUT_MS = 10_000;
const START_ATTEMPTS = 3;
/** The uid/gid Dovecot delivers as (Debian's nobody/nogroup): never root. */
const MAIL_UID = 65534;
const MAIL_GID = 65534;

/**
 * Dovecot treats a client whose address equals the server's as local and "secured" (plaintext
 * logins allowed, no LOGINDISABLED). Listeners on this second loopback address see the client
 * come from 127.0.0.1, a different address: there Dovecot behaves as towards a remote client.
 */
export const REMOTE_LOOKING_HOST = '127.0.0.2';

export const DOVECOT_USER = 'reader@localhost';
export const MAILBOX_MESSAGES = 3;
export const MAILBOX_UNSEEN = 2;

export interface RunningDovecot {
  host: '127.0.0.1';
  imapPort: number;
  imapsPort: number;
  pop3Port: number;
  pop3sPort: number;
  /** Plaintext IMAP and POP3 on REMOTE_LOOKING_HOST, where Dovecot refuses a plaintext login. */
  remoteHost: typeof REMOTE_LOOKING_HOST;
  imapRemotePort: number;
  pop3RemotePort: number;
  caPem: string;
  caFile: string;
  user: string;
  /** Unique per start; Dovecot holds only a salted hash. */
  password: string;
  /** The size POP3's STAT reports for the mailbox (CRLF line ends). */
  mailboxOctets: number;
  dumpLog(): Promise<void>;
  stop(): Promise<void>;
}

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

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function ssha256(password: string): string {
  const salt = randomBytes(8);
  const digest = createHash('sha256').update(password).update(salt).digest();
  return '{SSHA256}' + Buffer.concat([digest, salt]).toString('base64');
}

interface Ports {
  imap: number;
  imaps: number;
  pop3: number;
  pop3s: number;
  imapRemote: number;
  pop3Remote: number;
}

export interface DovecotOptions {
  /**
   * Also accept XOAUTH2 / OAUTHBEARER, checking each token with an OAuth 2.0 introspection endpoint
   * (RFC 7662, POST token=…) at this URL: Dovecot's own oauth2 passdb.
   */
  introspectionUrl?: string;
}

function oauth2Passdb(dir: string, options: DovecotOptions): string {
  if (!options.introspectionUrl) return '';
  return `passdb {
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = ${dir}/dovecot-oauth2.conf.ext
}
`;
}

function oauth2Conf(url: string): string {
  return `# Written by test/mta/dovecot.ts: tokens are checked by the test's introspection endpoint.
introspection_mode = post
introspection_url = ${url}
force_introspection = yes
username_attribute = username
active_attribute = active
active_value = true
`;
}

function dovecotConf(
  dir: string,
  ports: Ports,
  pki: { certFile: string; keyFile: string },
  options: DovecotOptions,
): string {
  return `# Written by test/mta/dovecot.ts for one test run.
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap pop3
listen = 127.0.0.1, ${REMOTE_LOOKING_HOST}
ssl = yes
ssl_cert = <${pki.certFile}
ssl_key = <${pki.keyFile}
disable_plaintext_auth = yes
auth_mechanisms = plain login${options.introspectionUrl ? ' xoauth2 oauthbearer' : ''}
# Wrong-password tests should not wait Dovecot's default 2 s penalty.
auth_failure_delay = 0
mail_location = maildir:~/Maildir
pop3_uidl_format = %08Xu%08Xv
default_login_user = dovenull
default_internal_user = dovecot
passdb {
  driver = passwd-file
  mechanisms = plain login
  args = scheme=SSHA256 ${dir}/users
}
${oauth2Passdb(dir, options)}userdb {
  driver = static
  args = uid=${MAIL_UID} gid=${MAIL_GID} home=${dir}/home/%n
}
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${ports.imap}
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = ${ports.imaps}
    ssl = yes
  }
  inet_listener imap-remote {
    address = ${REMOTE_LOOKING_HOST}
    port = ${ports.imapRemote}
  }
}
service pop3-login {
  inet_listener pop3 {
    address = 127.0.0.1
    port = ${ports.pop3}
  }
  inet_listener pop3s {
    address = 127.0.0.1
    port = ${ports.pop3s}
    ssl = yes
  }
  inet_listener pop3-remote {
    address = ${REMOTE_LOOKING_HOST}
    port = ${ports.pop3Remote}
  }
}
`;
}

function message(n: number): string {
  return [
    `From: sender${n}@localhost`,
    `To: ${DOVECOT_USER}`,
    `Subject: Test message ${n}`,
    `Date: Mon, 30 Nov 2026 10:0${n}:00 +0000`,
    `Message-ID: <test-${n}@localhost>`,
    '',
    `Body of message ${n}.`,
    '',
  ].join('\n');
}

/** A Maildir with MAILBOX_MESSAGES messages: the first few read (cur/…:2,S), the rest new. */
async function writeMaildir(home: string): Promise<number> {
  const maildir = join(home, 'Maildir');
  for (const sub of ['cur', 'new', 'tmp']) await mkdir(join(maildir, sub), { recursive: true });
  let octets = 0;
  const read = MAILBOX_MESSAGES - MAILBOX_UNSEEN;
  for (let n = 1; n <= MAILBOX_MESSAGES; n++) {
    const text = message(n);
    octets += Buffer.byteLength(text.replace(/\n/g, '\r\n'));
    const base = `17000000${n}0.M${n}P1.localhost`;
    const path = n <= read ? join(maildir, 'cur', `${base}:2,S`) : join(maildir, 'new', base);
    await writeFile(path, text);
  }
  return octets;
}

async function chownTree(path: string, uid: number, gid: number): Promise<void> {
  const { readdir, stat } = await import('node:fs/promises');
  await chown(path, uid, gid);
  if ((await stat(path)).isDirectory()) {
    for (const entry of await readdir(path)) await chownTree(join(path, entry), uid, gid);
  }
}

async function readIfExists(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return '';
  }
}

export async function startDovecot(options: DovecotOptions = {}): Promise<RunningDovecot> {
  if (process.getuid?.() !== 0) throw new Error('startDovecot needs root: Dovecot drops privileges itself');
  let lastError: unknown;
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
    try {
      return await startOnce(options);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

async function startOnce(options: DovecotOptions): Promise<RunningDovecot> {
  const dir = await mkdtemp(join(tmpdir(), 'mailcheck-dovecot-'));
  await chmod(dir, 0o755);
  const password = `dc-${randomBytes(12).toString('hex')}`;
  let child: ChildProcess | null = null;
  let alive = false;
  let output = '';
  const logPath = join(dir, 'dovecot.log');
  const dumpLog = async (): Promise<void> => {
    process.stderr.write(`--- ${logPath} ---\n${await readIfExists(logPath)}\n${output}\n`);
  };
  const killOnExit = (): void => {
    try {
      if (alive && child?.pid) process.kill(child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    try {
      if (!process.env.MAILCHECK_MTA_KEEP) rmSync(dir, { recursive: true, force: true });
    } catch {
      /* a leftover temp dir is the lesser evil */
    }
  };
  process.once('exit', killOnExit);
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', killOnExit);
    if (child && alive) {
      const exited = new Promise((r) => child?.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, STOP_WAIT_TIMEOUT_MS))]);
      if (alive) child.kill('SIGKILL');
    }
    if (!process.env.MAILCHECK_MTA_KEEP) await rm(dir, { recursive: true, force: true });
  };

  try {
    await mkdir(join(dir, 'pki'));
    const pki = await createTestPki(join(dir, 'pki'));
    const ports: Ports = {
      imap: await freePort(),
      imaps: await freePort(),
      pop3: await freePort(),
      pop3s: await freePort(),
      imapRemote: await freePort(),
      pop3Remote: await freePort(),
    };
    const home = join(dir, 'home', DOVECOT_USER.split('@')[0]!);
    const mailboxOctets = await writeMaildir(home);
    await chownTree(join(dir, 'home'), MAIL_UID, MAIL_GID);
    await writeFile(join(dir, 'dovecot.conf'), dovecotConf(dir, ports, pki.server, options));
    if (options.introspectionUrl) {
      await writeFile(join(dir, 'dovecot-oauth2.conf.ext'), oauth2Conf(options.introspectionUrl));
    }
    await writeFile(join(dir, 'users'), `${DOVECOT_USER}:${ssha256(password)}\n`, { mode: 0o640 });
    await chown(join(dir, 'users'), 0, await dovecotGid());

    child = spawn('dovecot', ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
    alive = true;
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', () => (alive = false));
    for (const port of Object.values(ports)) {
      const deadline = Date.now() + PORT_WAIT_TIMEOUT_MS;
      const host = port === ports.imapRemote || port === ports.pop3Remote ? REMOTE_LOOKING_HOST : '127.0.0.1';
      while (!(await canConnect(host, port))) {
        if (!alive) throw new Error(`dovecot exited during start-up: ${output}`);
        if (Date.now() > deadline) throw new Error(`port ${port} did not open in time`);
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    }
    return {
      host: '127.0.0.1',
      imapPort: ports.imap,
      imapsPort: ports.imaps,
      pop3Port: ports.pop3,
      pop3sPort: ports.pop3s,
      remoteHost: REMOTE_LOOKING_HOST,
      imapRemotePort: ports.imapRemote,
      pop3RemotePort: ports.pop3Remote,
      caPem: pki.ca.cert,
      caFile: pki.ca.certFile,
      user: DOVECOT_USER,
      password,
      mailboxOctets,
      dumpLog,
      stop,
    };
  } catch (error) {
    await dumpLog();
    await stop();
    throw error;
  }
}

async function dovecotGid(): Promise<number> {
  const group = await readFile('/etc/group', 'utf8');
  const line = group.split('\n').find((l) => l.startsWith('dovecot:'));
  return Number(line?.split(':')[2] ?? 0);
}
