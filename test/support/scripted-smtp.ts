/**
 * A scripted SMTP peer for replies smtp-server cannot produce byte for byte (multi-line error
 * replies such as Gmail's `534-5.7.9 …`), with real STARTTLS. Each command line is answered by the
 * script; the TLS upgrade uses a real server-side TLSSocket.
 *
 * Exports:
 * - `startScriptedSmtp({ key, cert, greeting, answer, greetingDelayMs?, replyDelayMs? })` →
 *   `{ port, close(), commands }`: `answer(command, secure)` returns the reply (CRLF-separated
 *   lines, no trailing CRLF) for each client line; `commands` records what the client sent (AUTH
 *   payloads included: tests only). The delays make a slow server (late greeting, late replies).
 * - `answerByVerb(replies)` → an `answer` script: the reply for each verb (EHLO, QUIT…), or a
 *   function of `secure` for one that differs after STARTTLS; any other command gets a 502.
 */
import net from 'node:net';
import tls from 'node:tls';
import { startRawServer, type RunningServer } from './servers';

export interface ScriptedSmtpOptions {
  key: string;
  cert: string;
  greeting: string;
  /** The reply to one client line; `null` closes the connection. */
  answer(command: string, secure: boolean): string | null;
  /** The greeting comes this long after the connection (a slow or postscreen-like server). */
  greetingDelayMs?: number;
  /** How long the reply to one command is held back (0 or absent: at once). */
  replyDelayMs?(command: string): number;
}

const NOT_RECOGNIZED = '502 5.5.2 Error: command not recognized';

export function answerByVerb(
  replies: Record<string, string | ((secure: boolean) => string)>,
): ScriptedSmtpOptions['answer'] {
  return (command, secure) => {
    const reply = replies[command.split(' ')[0]?.toUpperCase() ?? ''];
    return typeof reply === 'function' ? reply(secure) : (reply ?? NOT_RECOGNIZED);
  };
}

export async function startScriptedSmtp(
  options: ScriptedSmtpOptions,
): Promise<RunningServer & { commands: string[] }> {
  const commands: string[] = [];
  const serve = (socket: net.Socket | tls.TLSSocket, secure: boolean): void => {
    let buffer = '';
    const onData = (chunk: Buffer): void => {
      buffer += chunk.toString('utf8');
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        commands.push(line);
        if (!secure && line.toUpperCase() === 'STARTTLS') {
          socket.removeListener('data', onData);
          socket.write('220 2.0.0 Ready to start TLS\r\n');
          const upgraded = new tls.TLSSocket(socket, {
            isServer: true,
            key: options.key,
            cert: options.cert,
          });
          upgraded.on('error', () => socket.destroy());
          serve(upgraded, true);
          return;
        }
        const reply = options.answer(line, secure);
        if (reply === null) {
          socket.destroy();
          return;
        }
        const write = (): void => {
          if (socket.destroyed || !socket.writable) return;
          socket.write(`${reply}\r\n`);
          if (/^221[ -]/.test(reply)) socket.end();
        };
        const delay = options.replyDelayMs?.(line) ?? 0;
        if (delay > 0) timers.add(setTimeout(write, delay));
        else write();
      }
    };
    socket.on('data', onData);
  };
  const timers = new Set<NodeJS.Timeout>();
  const server = await startRawServer((socket) => {
    const greet = (): void => {
      if (socket.destroyed) return;
      socket.write(`${options.greeting}\r\n`);
      serve(socket, false);
    };
    if (options.greetingDelayMs) timers.add(setTimeout(greet, options.greetingDelayMs));
    else greet();
  });
  return {
    port: server.port,
    commands,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      await server.close();
    },
  };
}
