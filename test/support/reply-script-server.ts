/**
 * A plaintext SMTP peer that answers every command like a willing submission server, except at one
 * step, where it sends one exact reply (any number of lines): the greeting, EHLO (and the HELO
 * fallback), STARTTLS, AUTH, MAIL FROM, RCPT TO, DATA, or the end of the message. The step and the
 * reply are set per test with `script()`, so one server serves a whole rule table.
 *
 * Exports: `startReplyScriptServer({ pipelining? })` → `{ port, script(step, reply), commands, close() }`.
 * With `pipelining`, EHLO advertises PIPELINING, as Gmail and Outlook.com do: nodemailer then sends
 * MAIL FROM, RCPT TO and DATA in one go, and the replies still come one per command, in order.
 * `commands` records the client's lines for the current script (message lines excluded).
 */
import type { ReplyStep } from '../../src/shared/diagnoses';
import { startRawServer, type RunningServer } from './servers';

export interface ReplyScriptServer extends RunningServer {
  /** From now on, `reply` is sent at `step`; every other command succeeds. */
  script(step: ReplyStep, reply: string): void;
  commands: string[];
}

const OK: Record<string, string> = {
  MAIL: '250 2.1.0 Ok',
  RCPT: '250 2.1.5 Ok',
  RSET: '250 2.0.0 Ok',
  NOOP: '250 2.0.0 Ok',
};

export async function startReplyScriptServer(
  options: { pipelining?: boolean } = {},
): Promise<ReplyScriptServer> {
  let step: ReplyStep = 'greeting';
  let reply = '554 not scripted';
  const commands: string[] = [];
  const at = (s: ReplyStep, otherwise: string): string => (step === s ? reply : otherwise);

  const server = await startRawServer((socket) => {
    let buffer = '';
    let inData = false;
    // Like a real server: no RCPT TO without an accepted MAIL FROM, no DATA without a recipient.
    let mailAccepted = false;
    let recipients = 0;
    const send = (text: string): void => {
      if (!socket.destroyed && socket.writable) socket.write(`${text}\r\n`);
    };
    const ehlo = (): string =>
      [
        '250-mailcheck.test',
        ...(step === 'starttls' ? ['250-STARTTLS'] : []),
        '250-AUTH PLAIN LOGIN XOAUTH2',
        '250-SIZE 10485760',
        ...(options.pipelining ? ['250-PIPELINING'] : []),
        '250 8BITMIME',
      ].join('\r\n');
    const answer = (line: string): string => {
      const verb = (line.split(' ')[0] ?? '').toUpperCase();
      switch (verb) {
        case 'EHLO':
        case 'HELO':
          return at('ehlo', ehlo());
        case 'STARTTLS':
          return at('starttls', '454 4.7.0 STARTTLS was not scripted');
        case 'AUTH':
          return at('auth', '235 2.7.0 Authentication successful');
        case 'MAIL':
          mailAccepted = step !== 'mail';
          recipients = 0;
          return at('mail', OK.MAIL!);
        case 'RCPT':
          if (!mailAccepted) return '503 5.5.1 Error: need MAIL command';
          if (step === 'rcpt') return reply;
          recipients += 1;
          return OK.RCPT!;
        case 'DATA':
          if (!mailAccepted) return '503 5.5.1 Error: need MAIL command';
          if (!recipients) return '554 5.5.1 Error: no valid recipients';
          if (step === 'data') return reply;
          inData = true;
          return '354 End data with <CR><LF>.<CR><LF>';
        case 'QUIT':
          return '221 2.0.0 Bye';
        default:
          return OK[verb] ?? '502 5.5.2 Error: command not recognized';
      }
    };
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            send(at('end-of-data', '250 2.0.0 Ok: queued as 4F2A1B'));
          }
          continue;
        }
        commands.push(line);
        const text = answer(line);
        send(text);
        if (text.startsWith('221')) socket.end();
      }
    });
    send(at('greeting', '220 mailcheck.test ESMTP ready'));
  });
  return {
    port: server.port,
    commands,
    close: server.close,
    script(nextStep, nextReply) {
      step = nextStep;
      reply = nextReply;
      commands.length = 0;
    },
  };
}
