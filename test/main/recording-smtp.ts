/**
 * A plaintext SMTP server on 127.0.0.1 that accepts any login and records every connection and
 * AUTH attempt: where a saved secret sent to the wrong server would arrive. Tests assert that it
 * saw nothing, after proving with a typed password that it can be reached.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface RecordingSmtp {
  port: number;
  connections: number;
  /** The user names of AUTH attempts (the passwords are counted, never kept). */
  authUsers: string[];
  stop(): Promise<void>;
}

export async function startRecordingSmtp(): Promise<RecordingSmtp> {
  const state = { connections: 0, authUsers: [] as string[] };
  const server = new SMTPServer({
    authMethods: ['PLAIN', 'LOGIN', 'XOAUTH2'],
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onConnect(_session, callback) {
      state.connections += 1;
      callback();
    },
    onAuth(auth, _session, callback) {
      state.authUsers.push(auth.username ?? '');
      callback(null, { user: auth.username ?? '' });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    get connections() {
      return state.connections;
    },
    set connections(n) {
      state.connections = n;
    },
    authUsers: state.authUsers,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
