/**
 * A real smtp-server on 127.0.0.1 that behaves like Outlook.com's submission service on 587:
 * plaintext greeting, STARTTLS (certificate from a throwaway test CA), AUTH PLAIN/LOGIN only after
 * TLS, and Microsoft's exact replies. Modes:
 * - `accept`: the one password given is accepted (`235 2.7.0 Authentication successful`);
 * - `basic-disabled`: every password is refused the way personal accounts have been answered since
 *   September 2024 (`535 5.7.139 Authentication unsuccessful, basic authentication is disabled.`);
 * - `xoauth2`: Modern Auth only (AUTH LOGIN XOAUTH2 offered, passwords refused as above); a bearer
 *   token passes only if `acceptsToken` says the identity server issued it to that user.
 * `authDelayMs` keeps the auth step running for a while (for the "test running" screenshot).
 * `port` asks for a fixed loopback port, so that screenshots show the same port on every run; when
 * it is taken (another suite, another engineer) the server takes any free port instead.
 */
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/** smtp-server sends `220 <name> ESMTP <banner>`, close to Outlook's own greeting. */
export const OUTLOOK_GREETING = 'Microsoft ESMTP MAIL Service ready';
export const BASIC_DISABLED_REPLY = '5.7.139 Authentication unsuccessful, basic authentication is disabled.';

export interface OutlookLikeServer {
  port: number;
  /** Number of AUTH attempts the server saw (never their content). */
  authAttempts: () => number;
  /** Number of messages received (the send step's test message). */
  messages: () => number;
  close: () => Promise<void>;
}

export async function startOutlookLikeServer(opts: {
  certFile: string;
  keyFile: string;
  mode: 'accept' | 'basic-disabled' | 'xoauth2';
  acceptsToken?: (user: string, token: string) => boolean;
  user: string;
  password: string;
  authDelayMs?: number;
  port?: number;
}): Promise<OutlookLikeServer> {
  let attempts = 0;
  let messages = 0;
  const options: SMTPServerOptions = {
    name: 'AM0PR02CA0001.outlook.office365.com',
    banner: OUTLOOK_GREETING,
    secure: false,
    key: await readFile(opts.keyFile),
    cert: await readFile(opts.certFile),
    authMethods: opts.mode === 'xoauth2' ? ['LOGIN', 'XOAUTH2'] : ['PLAIN', 'LOGIN'],
    allowInsecureAuth: false,
    hideSTARTTLS: false,
    size: 35_882_577,
    logger: false,
    onAuth(auth, _session, callback) {
      attempts += 1;
      const answer = () => {
        if (opts.mode === 'xoauth2' && auth.method === 'XOAUTH2') {
          const user = auth.username ?? '';
          if (auth.accessToken && opts.acceptsToken?.(user, auth.accessToken)) callback(null, { user });
          else callback(Object.assign(new Error('5.7.3 Authentication unsuccessful'), { responseCode: 535 }));
          return;
        }
        if (opts.mode !== 'accept') {
          const err = Object.assign(new Error(BASIC_DISABLED_REPLY), { responseCode: 535 });
          callback(err);
          return;
        }
        if (auth.username === opts.user && auth.password === opts.password) {
          callback(null, { user: auth.username });
        } else {
          callback(Object.assign(new Error('5.7.3 Authentication unsuccessful'), { responseCode: 535 }));
        }
      };
      if (opts.authDelayMs) setTimeout(answer, opts.authDelayMs);
      else answer();
    },
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => {
        messages += 1;
        callback();
      });
    },
  };
  let server = new SMTPServer(options);
  try {
    await listen(server, opts.port ?? 0);
  } catch (err) {
    if (!opts.port || (err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    server = new SMTPServer(options);
    await listen(server, 0);
  }
  const port = (server.server.address() as AddressInfo).port;
  const listening = server;
  return {
    port,
    authAttempts: () => attempts,
    messages: () => messages,
    close: () => new Promise<void>((resolve) => listening.close(() => resolve())),
  };
}

function listen(server: SMTPServer, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    // smtp-server re-emits its net.Server's errors on itself.
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}
