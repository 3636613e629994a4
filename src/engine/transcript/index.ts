/**
 * The timestamped record of one test: what the client sent, what the server answered and what
 * happened around it (connections, TLS). Redaction happens by kind of line, on the way in:
 * client lines carrying a SASL payload are masked, server lines and network/error notices are
 * scrubbed of the secret's forms, and the engine's own notices (built from structural fields:
 * addresses, user, mechanism) are kept as written.
 */
import { format } from 'node:util';
import type { TranscriptLine } from '../../shared/probe-types';
import { Redactor, SaslLineFilter } from './redact';

export { Redactor, SaslLineFilter, REDACTED, xoauth2Response } from './redact';

/** A server can send huge lines; the transcript keeps enough of each to read it. */
export const MAX_TRANSCRIPT_LINE = 2000;
/** A hostile server could send thousands of lines: the transcript stops growing here. */
export const MAX_TRANSCRIPT_LINES = 2000;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters)` : text;
}

export class Transcript {
  readonly lines: TranscriptLine[] = [];
  private readonly sasl = new SaslLineFilter();

  constructor(
    private readonly startedAt: number,
    private readonly redactor: Redactor,
    private readonly now: () => number = Date.now,
  ) {}

  /** A command the client sent: SASL payloads are masked here, nothing else is touched. */
  client(text: string): void {
    this.add('client', this.sasl.client(text));
  }

  /** A reply from the server: free text, scrubbed of every form of the secret. */
  server(text: string): void {
    for (const line of text.split(/\r?\n/)) this.add('server', this.redactor.scrub(this.sasl.server(line)));
  }

  /** The engine's own notice, built from structural fields only. */
  info(text: string): void {
    this.add('info', text);
  }

  /** A notice that carries network or error text (an error message, a library notice): scrubbed. */
  notice(text: string): void {
    this.add('info', this.redactor.scrub(text));
  }

  private add(dir: TranscriptLine['dir'], text: string): void {
    if (this.lines.length >= MAX_TRANSCRIPT_LINES) return;
    this.lines.push({
      t: Math.max(0, this.now() - this.startedAt),
      dir,
      text: clip(text, MAX_TRANSCRIPT_LINE),
    });
  }

  /**
   * A bunyan-style logger for nodemailer's SMTPConnection (with `transactionLog: true`): the
   * commands and replies it logs become client/server lines, its notices become info lines.
   * Nodemailer already masks its own AUTH payloads; the SASL filter masks them again by shape.
   * `onServerReply` hears each COMPLETE reply (nodemailer logs a multi-line reply once, whole):
   * the probe's per-wait timer starts again from there.
   */
  nodemailerLogger(
    onServerReply?: () => void,
  ): Record<'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal', LogFn> {
    const log =
      (level: string): LogFn =>
      (entry, message, ...args) => {
        const tnx = entry && typeof entry === 'object' ? (entry as { tnx?: unknown }).tnx : undefined;
        const text = typeof message === 'string' ? (args.length ? format(message, ...args) : message) : '';
        if (tnx === 'client') this.client(text);
        else if (tnx === 'server') {
          this.server(text);
          onServerReply?.();
        } else if (level !== 'trace' && level !== 'debug') this.notice(text);
      };
    return {
      trace: log('trace'),
      debug: log('debug'),
      info: log('info'),
      warn: log('warn'),
      error: log('error'),
      fatal: log('fatal'),
    };
  }
}

type LogFn = (entry: unknown, message?: unknown, ...args: unknown[]) => void;
