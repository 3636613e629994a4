/**
 * The timestamped record of one test: what the client sent, what the server answered and what
 * happened around it (connections, TLS). Every line is redacted on the way in.
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

  client(text: string): void {
    this.add('client', this.sasl.client(text));
  }

  server(text: string): void {
    for (const line of text.split(/\r?\n/)) this.add('server', this.sasl.server(line));
  }

  info(text: string): void {
    this.add('info', text);
  }

  private add(dir: TranscriptLine['dir'], text: string): void {
    if (this.lines.length >= MAX_TRANSCRIPT_LINES) return;
    this.lines.push({
      t: Math.max(0, this.now() - this.startedAt),
      dir,
      text: clip(this.redactor.redact(text), MAX_TRANSCRIPT_LINE),
    });
  }

  /**
   * A bunyan-style logger for nodemailer's SMTPConnection (with `transactionLog: true`): the
   * commands and replies it logs become client/server lines, its notices become info lines.
   * Nodemailer already masks its own AUTH payloads; the SASL filter and redactor hide them again.
   */
  nodemailerLogger(): Record<'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal', LogFn> {
    const log =
      (level: string): LogFn =>
      (entry, message, ...args) => {
        const tnx = entry && typeof entry === 'object' ? (entry as { tnx?: unknown }).tnx : undefined;
        const text = typeof message === 'string' ? (args.length ? format(message, ...args) : message) : '';
        if (tnx === 'client') this.client(text);
        else if (tnx === 'server') this.server(text);
        else if (level !== 'trace' && level !== 'debug') this.info(text);
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
