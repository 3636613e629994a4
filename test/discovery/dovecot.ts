/**
 * A real Dovecot 2.3 serving IMAP and POP3 on four free ports of 127.0.0.1 (IMAP STARTTLS, IMAPS,
 * POP3 STLS, POP3S) with the `localhost` certificate of the test CA, for discovery's IMAP/POP3
 * check. Its own temp dir and config (`dovecot -F -c`), no mail store (discovery never logs in),
 * no user. Needs root, like test/mta/mta.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestPki } from '../support/pki';

const START_TIMEOUT_MS = 20_000;

export interface RunningDovecot {
  imap: number;
  imaps: number;
  pop3: number;
  pop3s: number;
  log(): Promise<string>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

function conf(dir: string, p: Omit<RunningDovecot, 'log' | 'stop'>): string {
  const listener = (name: string, port: number, ssl: boolean) =>
    `  inet_listener ${name} {\n    address = 127.0.0.1\n    port = ${port}\n    ssl = ${ssl ? 'yes' : 'no'}\n  }`;
  return `# Written by test/discovery/dovecot.ts
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap pop3
listen = 127.0.0.1
ssl = yes
ssl_cert = <${dir}/cert.pem
ssl_key = <${dir}/key.pem
disable_plaintext_auth = yes
auth_mechanisms = plain login
default_login_user = dovenull
default_internal_user = dovecot
passdb {
  driver = passwd-file
  args = ${dir}/users
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=/nonexistent
}
service imap-login {
${listener('imap', p.imap, false)}
${listener('imaps', p.imaps, true)}
}
service pop3-login {
${listener('pop3', p.pop3, false)}
${listener('pop3s', p.pop3s, true)}
}
`;
}

export async function startDovecot(pki: TestPki): Promise<RunningDovecot> {
  const dir = await mkdtemp(join(tmpdir(), 'mailcheck-dovecot-'));
  const ports = {
    imap: await freePort(),
    imaps: await freePort(),
    pop3: await freePort(),
    pop3s: await freePort(),
  };
  await mkdir(join(dir, 'run'));
  await mkdir(join(dir, 'state'));
  await writeFile(join(dir, 'cert.pem'), pki.server.cert);
  await writeFile(join(dir, 'key.pem'), pki.server.key, { mode: 0o600 });
  await writeFile(join(dir, 'users'), '', { mode: 0o644 });
  await writeFile(join(dir, 'dovecot.conf'), conf(dir, ports));
  const log = () => readFile(join(dir, 'dovecot.log'), 'utf8').catch(() => '');
  const child: ChildProcess = spawn('dovecot', ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  let alive = true;
  child.once('exit', () => (alive = false));
  const stop = async (): Promise<void> => {
    if (alive) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (alive) child.kill('SIGKILL');
    }
    await rm(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const ready = await Promise.all(Object.values(ports).map(accepts));
    if (ready.every(Boolean)) break;
    if (!alive || Date.now() > deadline) {
      const text = await log();
      await stop();
      throw new Error(`Dovecot did not start:\n${text}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { ...ports, log, stop };
}
