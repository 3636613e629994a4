import type { Localized } from '../shared/probe-types';

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
