/**
 * Servers for discovery tests, each on its own loopback address (127.77.x.y) and the REAL
 * well-known port, because discovery only ever asks the standard ports (443 for autoconfig, 587,
 * 465, 25, 993, 143, 995, 110 for guesses). Tests run as root here, like the interop tests.
 *
 * - `issueCert(pki, names)`: a certificate for these DNS names, signed by the test CA (pki.ts).
 * - `startConfigServer(ip, cert, files)`: HTTPS (443) and, optionally, plain HTTP (80) serving
 *   `host/path`, `scheme:path` or `path` → body; every request is recorded.
 * - `startSmtp(ip, port, mode, cert)`: a real smtp-server (implicit TLS or STARTTLS, AUTH PLAIN).
 * - `startMailbox(ip, port, protocol, mode, cert)`: a small scripted IMAP or POP3 server.
 * - `startCounter(ip, port)`: accepts and counts connections (for "no connection was made").
 */
import { execFile } from 'node:child_process';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SMTPServer } from 'smtp-server';
import type { TestPki } from '../support/pki';

const run = promisify(execFile);

export interface Cert {
  cert: string;
  key: string;
}

export interface Closable {
  close(): Promise<void>;
}

let serial = 0;

export async function issueCert(pki: TestPki, names: string[]): Promise<Cert> {
  const name = `disc-${process.pid}-${++serial}`;
  const opts = { cwd: pki.dir, timeout: 20_000 };
  await run(
    'openssl',
    [
      'req',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      `${name}.key`,
    ].concat(['-out', `${name}.csr`, '-subj', `/O=Mailcheck tests/CN=${names[0]}`]),
    opts,
  );
  await writeFile(
    join(pki.dir, `${name}.ext`),
    `basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\nsubjectAltName=${names.map((n) => `DNS:${n}`).join(',')}\n`,
  );
  await run(
    'openssl',
    ['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial'].concat([
      '-days',
      '2',
      '-extfile',
      `${name}.ext`,
      '-out',
      `${name}.pem`,
    ]),
    opts,
  );
  return {
    cert: await readFile(join(pki.dir, `${name}.pem`), 'utf8'),
    key: await readFile(join(pki.dir, `${name}.key`), 'utf8'),
  };
}

function tracked(server: net.Server): Closable {
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function listen(server: net.Server, ip: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, ip, () => resolve());
  });
}

export interface ConfigServer extends Closable {
  requests: string[];
}

export async function startConfigServer(
  ip: string,
  cert: Cert,
  files: Record<string, string>,
  opts: { http?: boolean; https?: boolean } = {},
): Promise<ConfigServer> {
  const requests: string[] = [];
  const handler = (scheme: string) => (req: http.IncomingMessage, res: http.ServerResponse) => {
    requests.push(`${scheme} ${req.headers.host ?? ''}${req.url ?? ''}`);
    const path = (req.url ?? '').split('?')[0] ?? '';
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const body = files[`${host}${path}`] ?? files[`${scheme}:${path}`] ?? files[path];
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/xml' }).end(body);
  };
  const closers: Closable[] = [];
  if (opts.https !== false) {
    const server = https.createServer({ cert: cert.cert, key: cert.key }, handler('https'));
    closers.push(tracked(server));
    await listen(server, ip, 443);
  }
  if (opts.http) {
    const server = http.createServer(handler('http'));
    closers.push(tracked(server));
    await listen(server, ip, 80);
  }
  return { requests, close: async () => void (await Promise.all(closers.map((c) => c.close()))) };
}

export async function startSmtp(
  ip: string,
  port: number,
  mode: 'tls' | 'starttls',
  cert: Cert,
  password = 'correct horse',
): Promise<Closable> {
  const server = new SMTPServer({
    secure: mode === 'tls',
    key: cert.key,
    cert: cert.cert,
    logger: false,
    disableReverseLookup: true,
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth(auth, _session, callback) {
      if (auth.password === password) callback(null, { user: auth.username });
      else callback(Object.assign(new Error('Authentication failed'), { responseCode: 535 }));
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, ip, () => resolve());
  });
  return { close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A scripted IMAP or POP3 server: greeting, CAPABILITY/CAPA, STARTTLS/STLS, LOGOUT/QUIT. */
export async function startMailbox(
  ip: string,
  port: number,
  protocol: 'imap' | 'pop3',
  mode: 'tls' | 'starttls',
  cert: Cert,
): Promise<Closable> {
  const context = tls.createSecureContext({ cert: cert.cert, key: cert.key });
  const serve = (socket: net.Socket, secure: boolean): void => {
    let buffer = '';
    const caps =
      protocol === 'imap'
        ? `* CAPABILITY IMAP4rev1 ${secure ? 'AUTH=PLAIN' : 'STARTTLS LOGINDISABLED'}\r\n`
        : `+OK\r\nUSER\r\n${secure ? 'SASL PLAIN' : 'STLS'}\r\n.\r\n`;
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('latin1');
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const [tag, command = ''] = protocol === 'imap' ? line.split(' ') : ['', line];
        const cmd = command.toUpperCase();
        if (cmd === 'CAPABILITY') socket.write(`${caps}${tag} OK done\r\n`);
        else if (cmd === 'CAPA') socket.write(caps);
        else if (!secure && (cmd === 'STARTTLS' || cmd === 'STLS')) {
          socket.write(protocol === 'imap' ? `${tag} OK begin TLS\r\n` : '+OK begin TLS\r\n');
          socket.removeAllListeners('data');
          const secured = new tls.TLSSocket(socket, { isServer: true, secureContext: context });
          secured.on('error', () => undefined);
          serve(secured, true);
          return;
        } else if (cmd === 'LOGOUT' || cmd === 'QUIT') {
          socket.end(protocol === 'imap' ? `* BYE\r\n${tag} OK bye\r\n` : '+OK bye\r\n');
        } else socket.write(protocol === 'imap' ? `${tag} BAD unknown\r\n` : '-ERR unknown\r\n');
      }
    });
  };
  const greet = (socket: net.Socket, secure: boolean): void => {
    socket.on('error', () => undefined);
    socket.write(protocol === 'imap' ? '* OK fake IMAP ready\r\n' : '+OK fake POP3 ready\r\n');
    serve(socket, secure);
  };
  const server =
    mode === 'tls'
      ? tls.createServer({ cert: cert.cert, key: cert.key }, (s) => greet(s, true))
      : net.createServer((s) => greet(s, false));
  const closer = tracked(server);
  await listen(server, ip, port);
  return closer;
}

export interface Counter extends Closable {
  connections: number;
}

export async function startCounter(ip: string, port: number): Promise<Counter> {
  const counter = { connections: 0 } as Counter;
  const server = net.createServer((socket) => {
    counter.connections++;
    socket.on('error', () => undefined);
    socket.end('220 counter ESMTP\r\n');
  });
  const closer = tracked(server);
  await listen(server, ip, port);
  counter.close = closer.close;
  return counter;
}

/** A config-v1.1 document (the format of autoconfig and the ISPDB). */
export function configXml(
  domain: string,
  servers: Array<{
    type: 'smtp' | 'imap' | 'pop3';
    host: string;
    port: number;
    socket: 'SSL' | 'STARTTLS' | 'plain';
    auth?: string;
  }>,
  displayName = `Test provider for ${domain}`,
): string {
  const entries = servers.map((s) => {
    const tag = s.type === 'smtp' ? 'outgoingServer' : 'incomingServer';
    return `    <${tag} type="${s.type}">
      <hostname>${s.host}</hostname>
      <port>${s.port}</port>
      <socketType>${s.socket}</socketType>
      <username>%EMAILADDRESS%</username>
      <authentication>${s.auth ?? 'password-cleartext'}</authentication>
    </${tag}>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="${domain}">
    <domain>${domain}</domain>
    <displayName>${displayName}</displayName>
${entries.join('\n')}
  </emailProvider>
</clientConfig>
`;
}

/** Accepts connections and never sends a byte (a tarpit, or a firewall that lets SYN through). */
export async function startSilent(ip: string, port: number): Promise<Counter> {
  const counter = { connections: 0 } as Counter;
  const server = net.createServer((socket) => {
    counter.connections++;
    socket.on('error', () => undefined);
  });
  const closer = tracked(server);
  await listen(server, ip, port);
  counter.close = closer.close;
  return counter;
}
