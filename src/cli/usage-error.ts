import type { Localized } from '../shared/probe-types';
import { asciiSafeJson, visibleText } from '../shared/visible-text';
import type { CliIo } from './cli-io';
import { EXIT } from './exit-codes';

/**
 * Bad usage or bad input, found before anything is sent: the CLI prints the message in the
 * chosen language and exits with code 2. Messages never contain a secret.
 */
export class UsageError extends Error {
  readonly field: string;
  readonly messageIt: string;

  constructor(field: string, message: Localized) {
    super(message.en);
    this.name = 'UsageError';
    this.field = field;
    this.messageIt = message.it;
  }

  localized(lang: 'en' | 'it'): string {
    return lang === 'it' ? this.messageIt : this.message;
  }
}

/** A UsageError from its two messages. */
export function usage(field: string, en: string, it: string): UsageError {
  return new UsageError(field, { en, it });
}

/**
 * Prints a usage error on stderr (and, with --json, as the one JSON object on stdout) and gives
 * the exit code 2: the same form for every subcommand.
 */
export function reportUsageError(error: UsageError, lang: 'en' | 'it', json: boolean, io: CliIo): number {
  const message = error.localized(lang);
  // A message may quote a value from a file (a profile name): shown, never obeyed.
  io.stderr.write(`mailcheck: ${visibleText(message)}\n`);
  if (json) {
    const body = { ok: false, error: { kind: 'usage', field: error.field, message } };
    io.stdout.write(asciiSafeJson(JSON.stringify(body, null, 2)) + '\n');
  }
  return EXIT.usage;
}
