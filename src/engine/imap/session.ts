/**
 * The IMAP steps of a check, on a connection the runner opened: greeting, CAPABILITY, STARTTLS,
 * login, STATUS of INBOX, LOGOUT. Each command gets a fresh tag; a refusal becomes ServerReply
 * (the runner classifies it with imap/classify.ts). What reaches the transcript is the safe form
 * of each command: passwords and SASL payloads are never logged, not even to be redacted later.
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
import {
  capabilitiesInCode,
  capabilitiesInLines,
  parseStatus,
  quoted,
  readTagged,
  type TaggedResponse,
} from './reply';

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

export class ImapSession implements ProtocolSession {
  private counter = 0;

  constructor(private readonly conn: LineConnection) {}

  greeting(line: string): Promise<Greeting> {
    const text = printable(line);
    const match = /^\* (OK|PREAUTH|BYE)\b/i.exec(line);
    if (!match) throw new ProtocolViolation('Not an IMAP greeting', text);
    const kind = match[1]!.toUpperCase();
    if (kind === 'BYE') throw new ServerReply('greeting', text);
    return Promise.resolve({ text, preauth: kind === 'PREAUTH', capabilities: capabilitiesInCode(line) });
  }

  async capabilities(): Promise<Capabilities> {
    const response = await this.command('CAPABILITY');
    const caps = capabilitiesInLines(response.untagged) ?? capabilitiesInCode(response.text);
    if (!caps) throw new ProtocolViolation('No CAPABILITY in the answer to CAPABILITY', response.text);
    return caps;
  }

  async starttls(): Promise<void> {
    await this.command('STARTTLS');
  }

  async login(secret: LoginSecret, caps: Capabilities): Promise<string> {
    const offered = caps.mechanisms;
    if (secret.kind === 'token') {
      if (!offered.includes('XOAUTH2')) throw new StepFailure('auth.method-unsupported');
      await this.authenticate('XOAUTH2', [xoauth2Response(secret.user, secret.token)], caps);
      return 'XOAUTH2';
    }
    const { user, password } = secret;
    if (offered.includes('PLAIN')) {
      await this.authenticate('PLAIN', [`\u0000${user}\u0000${password}`], caps);
      return 'PLAIN';
    }
    if (!caps.loginDisabled) {
      await this.loginCommand(user, password);
      return 'LOGIN';
    }
    if (offered.includes('LOGIN')) {
      await this.authenticate('LOGIN', [user, password], caps, false);
      return 'AUTHENTICATE LOGIN';
    }
    throw new StepFailure('auth.method-unsupported');
  }

  async mailbox(): Promise<MailboxSummary> {
    const response = await this.command('STATUS INBOX (MESSAGES UNSEEN)', 'STATUS');
    const { messages, unseen } = parseStatus(response.untagged);
    if (messages === null) throw new ProtocolViolation('No STATUS in the answer to STATUS', response.text);
    const unread = unseen ?? 0;
    return {
      summary: L(
        `INBOX: ${messages} ${messages === 1 ? 'message' : 'messages'}, ${unread} unread`,
        `INBOX: ${messages} ${messages === 1 ? 'messaggio' : 'messaggi'}, ${unread} ${unread === 1 ? 'non letto' : 'non letti'}`,
      ),
      details: { mailbox: 'INBOX', messages, unseen },
    };
  }

  goodbye(): void {
    this.conn.send(`${this.nextTag()} LOGOUT`);
  }

  // ------------------------------------------------------------------ plumbing

  private nextTag(): string {
    this.counter += 1;
    return `A${this.counter}`;
  }

  /** Sends a command (safe to log as is) and returns its OK response; NO/BAD become ServerReply. */
  private async command(line: string, verb = line): Promise<TaggedResponse> {
    const tag = this.nextTag();
    this.conn.send(`${tag} ${line}`);
    return this.expectOk(tag, verb);
  }

  private async expectOk(tag: string, verb: string): Promise<TaggedResponse> {
    const response = (await readTagged(this.conn, tag, verb)) as TaggedResponse;
    if (response.status !== 'OK') throw new ServerReply(verb, printable(response.text));
    return response;
  }

  /** LOGIN user password: quoted strings, or literals for anything beyond printable ASCII. */
  private async loginCommand(user: string, password: string): Promise<void> {
    const tag = this.nextTag();
    const quotedUser = quoted(user);
    const quotedPassword = quoted(password);
    if (quotedUser !== null && quotedPassword !== null) {
      this.conn.send(
        `${tag} LOGIN ${quotedUser} ${quotedPassword}`,
        `${tag} LOGIN ${quotedUser} ${REDACTED}`,
      );
    } else {
      // Synchronizing literals: each waits for the server's "+" before its bytes are sent.
      const userBytes = Buffer.byteLength(user, 'utf8');
      const passwordBytes = Buffer.byteLength(password, 'utf8');
      this.conn.send(`${tag} LOGIN {${userBytes}}`);
      await this.expectContinuation(tag, 'LOGIN');
      this.conn.send(`${user} {${passwordBytes}}`);
      await this.expectContinuation(tag, 'LOGIN');
      this.conn.send(password, REDACTED);
    }
    await this.expectOk(tag, 'LOGIN');
  }

  /**
   * AUTHENTICATE <mechanism>: the first response goes on the command line when the server offers
   * SASL-IR (RFC 4959), otherwise after the server's "+". A "+" after the last response is the
   * server's error detail (XOAUTH2 sends one): it is answered with an empty line, as the mechanism
   * requires, and the tagged NO follows.
   */
  private async authenticate(
    mechanism: string,
    responses: string[],
    caps: Capabilities,
    initialResponse = true,
  ): Promise<void> {
    const tag = this.nextTag();
    const verb = `AUTHENTICATE ${mechanism}`;
    const pending = responses.map(b64);
    const saslIr = initialResponse && caps.list.some((c) => c.toUpperCase() === 'SASL-IR');
    if (saslIr) {
      const first = pending.shift()!;
      this.conn.send(`${tag} ${verb} ${first}`, `${tag} ${verb} ${REDACTED}`);
    } else {
      this.conn.send(`${tag} ${verb}`);
    }
    for (;;) {
      const response = await readTagged(this.conn, tag, verb, true);
      if ('continuation' in response) {
        const next = pending.shift();
        if (next === undefined) {
          // The server's error detail (XOAUTH2): answer with an empty response.
          this.conn.send('');
          continue;
        }
        this.conn.send(next, REDACTED);
        continue;
      }
      if (response.status !== 'OK') throw new ServerReply(verb, printable(response.text));
      return;
    }
  }

  private async expectContinuation(tag: string, verb: string): Promise<void> {
    const response = await readTagged(this.conn, tag, verb, true);
    if ('continuation' in response) return;
    throw new ServerReply(verb, printable(response.text));
  }
}
