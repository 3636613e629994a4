/**
 * The POP3 steps of a check, on a connection the runner opened: greeting, CAPA, STLS, login
 * (AUTH PLAIN / XOAUTH2 with an initial response, else USER/PASS, else AUTH LOGIN), STAT, QUIT.
 * A `-ERR` becomes ServerReply (classified by pop3/classify.ts). The transcript gets the safe
 * form of each command: a password or SASL payload is never logged.
 */
import { L } from '../runner/context';
import { ProtocolViolation, ServerReply, StepFailure } from '../runner/errors';
import type { LineConnection } from '../runner/line-connection';
import { printable } from '../runner/line-connection';
import type {
  Capabilities,
  Greeting,
  LoginSecret,
  MailboxSummary,
  ProtocolSession,
} from '../runner/protocol';
import { REDACTED, xoauth2Response } from '../transcript';
import { formatSize, parseCapa, parseStat, readMultiline, readStatus } from './reply';

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

export class Pop3Session implements ProtocolSession {
  /** Whether CAPA listed USER (or CAPA is unknown: USER/PASS is the RFC 1939 baseline). */
  private userCommand = true;

  constructor(private readonly conn: LineConnection) {}

  greeting(line: string): Promise<Greeting> {
    const text = printable(line);
    if (/^-ERR\b/i.test(line)) throw new ServerReply('greeting', text);
    if (!/^\+OK\b/i.test(line)) throw new ProtocolViolation('Not a POP3 greeting', text);
    return Promise.resolve({ text, preauth: false, capabilities: null });
  }

  async capabilities(): Promise<Capabilities> {
    this.conn.send('CAPA');
    const status = await readStatus(this.conn);
    if (!('ok' in status) || !status.ok) {
      // A server without CAPA (RFC 1939 only): nothing is known, USER/PASS is assumed.
      this.userCommand = true;
      return { list: [], mechanisms: [], starttls: false, loginDisabled: false };
    }
    const caps = parseCapa(await readMultiline(this.conn));
    this.userCommand = caps.user || caps.mechanisms.length === 0;
    return caps;
  }

  async starttls(): Promise<void> {
    await this.command('STLS');
  }

  async login(secret: LoginSecret, caps: Capabilities): Promise<string> {
    const offered = caps.mechanisms;
    if (secret.kind === 'token') {
      if (!offered.includes('XOAUTH2')) throw new StepFailure('auth.method-unsupported');
      await this.auth('XOAUTH2', [xoauth2Response(secret.user, secret.token)]);
      return 'XOAUTH2';
    }
    const { user, password } = secret;
    if (offered.includes('PLAIN')) {
      await this.auth('PLAIN', [`\u0000${user}\u0000${password}`]);
      return 'PLAIN';
    }
    if (this.userCommand) {
      await this.command(`USER ${user}`, 'USER');
      this.conn.send(`PASS ${password}`, `PASS ${REDACTED}`);
      await this.expectOk('PASS');
      return 'USER/PASS';
    }
    if (offered.includes('LOGIN')) {
      await this.auth('LOGIN', [user, password], false);
      return 'AUTH LOGIN';
    }
    throw new StepFailure('auth.method-unsupported');
  }

  async mailbox(): Promise<MailboxSummary> {
    const status = await this.command('STAT');
    const stat = parseStat(status);
    if (!stat) throw new ProtocolViolation('STAT without a message count and size', printable(status));
    const { messages, octets } = stat;
    return {
      summary: L(
        `${messages} ${messages === 1 ? 'message' : 'messages'}, ${formatSize(octets, 'en')}`,
        `${messages} ${messages === 1 ? 'messaggio' : 'messaggi'}, ${formatSize(octets, 'it')}`,
      ),
      details: { messages, octets },
    };
  }

  goodbye(): void {
    this.conn.send('QUIT');
  }

  // ------------------------------------------------------------------ plumbing

  /** Sends a command (safe to log as is) and returns its +OK line; -ERR becomes ServerReply. */
  private async command(line: string, verb = line): Promise<string> {
    this.conn.send(line);
    return this.expectOk(verb);
  }

  private async expectOk(verb: string): Promise<string> {
    const status = await readStatus(this.conn);
    if ('continuation' in status) throw new ProtocolViolation(`A continuation in answer to ${verb}`);
    if (!status.ok) throw new ServerReply(verb, printable(status.text));
    return status.text;
  }

  /**
   * AUTH <mechanism> with the first response on the command line (RFC 5034), or after the
   * server's "+" for AUTH LOGIN. A "+" after the last response is the server's error detail
   * (XOAUTH2): it is answered with an empty line, and the -ERR follows.
   */
  private async auth(mechanism: string, responses: string[], initialResponse = true): Promise<void> {
    const verb = `AUTH ${mechanism}`;
    const pending = responses.map(b64);
    if (initialResponse) this.conn.send(`${verb} ${pending.shift()!}`, `${verb} ${REDACTED}`);
    else this.conn.send(verb);
    for (;;) {
      const status = await readStatus(this.conn, true);
      if ('continuation' in status) {
        const next = pending.shift();
        if (next === undefined) this.conn.send('');
        else this.conn.send(next, REDACTED);
        continue;
      }
      if (!status.ok) throw new ServerReply(verb, printable(status.text));
      return;
    }
  }
}
