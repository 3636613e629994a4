/**
 * A minimal IMAP/POP3 check for discovery, without credentials: connect, (TLS or STARTTLS),
 * greeting, capabilities (which login methods are offered), polite logout. It says only whether
 * the server is there and speaks the protocol securely; the full IMAP/POP3 clients (separate
 * work) replace it later: the one entry point is `checkMailbox`.
 *
 * Bounded like the SMTP probe: one time limit per wait, at most MAX_LINE_BYTES per reply, and the
 * certificate must be trusted and match the host (Node's default trust, NODE_EXTRA_CA_CERTS).
 */
import net from 'node:net';
import tls from 'node:tls';
import type { DiscoveredSecurity } from './types';

const MAX_REPLY_BYTES = 64 * 1024;

export interface MailboxCheck {
  protocol: 'imap' | 'pop3';
  host: string;
  port: number;
  security: DiscoveredSecurity;
  addresses: string[];
  timeoutMs: number;
  signal: AbortSignal;
  /** Extra trusted CAs (PEM), added to the system's. */
  caPem?: string;
}

export interface MailboxOutcome {
  ok: boolean;
  /** Short and printable: why it failed. */
  problem: string | null;
  authMethods: string[];
}

class CheckError extends Error {}

/** Reads CRLF-terminated lines from a socket, with a byte bound and a per-wait timeout. */
class LineReader {
  private buffer = '';
  private waiting: { resolve: (line: string) => void; reject: (e: Error) => void } | null = null;
  private failure: Error | null = null;

  constructor(
    private socket: net.Socket,
    private readonly timeoutMs: number,
  ) {
    this.attach(socket);
  }

  attach(socket: net.Socket): void {
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => {
      this.buffer += chunk.toString('latin1');
      if (this.buffer.length > MAX_REPLY_BYTES) this.fail(new CheckError('reply too long'));
      this.flush();
    });
    socket.once('error', (e: Error & { code?: string }) => this.fail(new CheckError(e.code ?? e.message)));
    socket.once('close', () => this.fail(new CheckError('connection closed')));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.waiting?.reject(error);
    this.waiting = null;
  }

  private flush(): void {
    const end = this.buffer.indexOf('\n');
    if (end < 0 || !this.waiting) return;
    const line = this.buffer.slice(0, end).replace(/\r$/, '');
    this.buffer = this.buffer.slice(end + 1);
    const { resolve } = this.waiting;
    this.waiting = null;
    resolve(line);
  }

  /** Whether unread bytes are buffered (a STARTTLS reply must be the last plaintext). */
  get pending(): boolean {
    return this.buffer.length > 0;
  }

  next(): Promise<string> {
    if (this.buffer.includes('\n') || !this.failure) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          this.waiting = null;
          reject(new CheckError('timeout'));
        }, this.timeoutMs);
        this.waiting = {
          resolve: (line) => (clearTimeout(timer), resolve(line)),
          reject: (e) => (clearTimeout(timer), reject(e)),
        };
        this.flush();
      });
    }
    return Promise.reject(this.failure);
  }

  send(line: string): void {
    this.socket.write(`${line}\r\n`);
  }
}

function connect(address: string, port: number, signal: AbortSignal, timeoutMs: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: address, port, signal });
    const timer = setTimeout(() => socket.destroy(new CheckError('timeout')), timeoutMs);
    socket.once('connect', () => (clearTimeout(timer), resolve(socket)));
    socket.once(
      'error',
      (e: Error & { code?: string }) => (clearTimeout(timer), reject(new CheckError(e.code ?? e.message))),
    );
  });
}

function upgrade(socket: net.Socket, check: MailboxCheck): Promise<tls.TLSSocket> {
  const { host, timeoutMs, caPem } = check;
  return new Promise((resolve, reject) => {
    const ca = caPem ? [...tls.rootCertificates, caPem] : undefined;
    const secure = tls.connect({ socket, servername: net.isIP(host) ? undefined : host, ca });
    const timer = setTimeout(() => secure.destroy(new CheckError('timeout')), timeoutMs);
    secure.once('secureConnect', () => (clearTimeout(timer), resolve(secure)));
    secure.once(
      'error',
      (e: Error & { code?: string }) => (
        clearTimeout(timer),
        reject(new CheckError(`tls:${e.code ?? e.message}`))
      ),
    );
  });
}

async function imapCapabilities(reader: LineReader, tag: string): Promise<string[]> {
  reader.send(`${tag} CAPABILITY`);
  const caps: string[] = [];
  for (;;) {
    const line = await reader.next();
    if (line.startsWith('* CAPABILITY ')) caps.push(...line.slice(13).split(' '));
    else if (line.startsWith(`${tag} `)) return caps;
  }
}

async function pop3Capabilities(reader: LineReader): Promise<string[]> {
  reader.send('CAPA');
  const first = await reader.next();
  if (!first.startsWith('+OK')) return [];
  const caps: string[] = [];
  for (;;) {
    const line = await reader.next();
    if (line === '.') return caps;
    caps.push(line);
  }
}

function authMethodsOf(protocol: 'imap' | 'pop3', caps: string[]): string[] {
  if (protocol === 'imap') {
    const methods = caps.filter((c) => /^AUTH=/i.test(c)).map((c) => c.slice(5).toUpperCase());
    return caps.some((c) => c.toUpperCase() === 'LOGINDISABLED') ? methods : [...methods, 'LOGIN'];
  }
  const sasl = caps.find((c) => /^SASL\b/i.test(c));
  const methods = sasl
    ? sasl
        .split(/\s+/)
        .slice(1)
        .map((m) => m.toUpperCase())
    : [];
  return caps.some((c) => /^USER\b/i.test(c)) ? [...methods, 'USER'] : methods;
}

async function session(check: MailboxCheck, socket: net.Socket, opened: net.Socket[]): Promise<string[]> {
  const { protocol, security, timeoutMs } = check;
  let current: net.Socket = socket;
  if (security === 'tls') opened.push((current = await upgrade(socket, check)));
  const reader = new LineReader(current, timeoutMs);
  const greeting = await reader.next();
  const welcome = protocol === 'imap' ? /^\* (OK|PREAUTH)\b/i : /^\+OK\b/;
  if (!welcome.test(greeting)) throw new CheckError('greeting');
  if (security === 'starttls') {
    reader.send(protocol === 'imap' ? 'm1 STARTTLS' : 'STLS');
    let reply = await reader.next();
    while (protocol === 'imap' && reply.startsWith('* ')) reply = await reader.next();
    const accepted = protocol === 'imap' ? /^m1 OK\b/i.test(reply) : /^\+OK\b/.test(reply);
    if (!accepted) throw new CheckError('starttls-refused');
    // Bytes after the STARTTLS reply would be injected into the TLS session (CVE-2011-0411 style).
    if (reader.pending) throw new CheckError('starttls-injection');
    current.removeAllListeners('data');
    opened.push((current = await upgrade(current, check)));
    reader.attach(current);
  }
  const caps = protocol === 'imap' ? await imapCapabilities(reader, 'm2') : await pop3Capabilities(reader);
  reader.send(protocol === 'imap' ? 'm3 LOGOUT' : 'QUIT');
  return authMethodsOf(protocol, caps);
}

export async function checkMailbox(check: MailboxCheck): Promise<MailboxOutcome> {
  let problem = 'no address';
  for (const address of check.addresses) {
    const opened: net.Socket[] = [];
    try {
      opened.push(await connect(address, check.port, check.signal, check.timeoutMs));
      const authMethods = await session(check, opened[0]!, opened);
      return { ok: true, problem: null, authMethods };
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
      // Only a failed connection is worth another address; a server that answered has spoken.
      if (opened.length) break;
    } finally {
      // The TLS socket first: destroying the transport under it crashes Node 20.
      for (const socket of opened.reverse()) socket.destroy();
    }
  }
  return { ok: false, problem, authMethods: [] };
}
