/**
 * The flags of `mailcheck smtp`, parsed with node:util parseArgs (strict: an unknown flag is a
 * usage error). Values stay raw strings here; smtp-request.ts checks and merges them.
 */
import { parseArgs } from 'node:util';
import { describeArgvError } from './argv-problem';
import { UsageError } from './usage-error';

const SMTP_FLAGS = {
  host: { type: 'string' },
  email: { type: 'string' },
  port: { type: 'string' },
  security: { type: 'string' },
  user: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  ca: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  timeout: { type: 'string' },
  lang: { type: 'string' },
  json: { type: 'boolean' },
  'allow-plaintext-auth': { type: 'boolean' },
  save: { type: 'string' },
  profile: { type: 'string' },
  auth: { type: 'string' },
  'client-id': { type: 'string' },
  tenant: { type: 'string' },
  'access-token-stdin': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface SmtpFlags {
  host?: string;
  /** The address: without --host, discovery finds the server first (smtp-discovery.ts). */
  email?: string;
  port?: string;
  security?: string;
  user?: string;
  passwordStdin: boolean;
  ca?: string;
  from?: string;
  to?: string;
  timeout?: string;
  lang?: string;
  json: boolean;
  allowPlaintextAuth: boolean;
  save?: string;
  profile?: string;
  auth?: string;
  clientId?: string;
  tenant?: string;
  accessTokenStdin: boolean;
  help: boolean;
}

/** The flags of `mailcheck smtp`, also those of `imap` and `pop3` (named in the error message). */
export function parseSmtpFlags(args: string[], command: 'smtp' | 'imap' | 'pop3' = 'smtp'): SmtpFlags {
  let values;
  try {
    ({ values } = parseArgs({ args, options: SMTP_FLAGS, strict: true, allowPositionals: false }));
  } catch {
    // parseArgs quotes the offending argument, which may be a password typed in the wrong place:
    // the problem is said by position and kind instead.
    const detail = describeArgvError(args, SMTP_FLAGS, false);
    throw new UsageError('argv', {
      en: `${detail.en} See "mailcheck ${command} --help".`,
      it: `${detail.it} Vedi "mailcheck ${command} --help".`,
    });
  }
  return {
    host: values.host,
    email: values.email,
    port: values.port,
    security: values.security,
    user: values.user,
    passwordStdin: values['password-stdin'] ?? false,
    ca: values.ca,
    from: values.from,
    to: values.to,
    timeout: values.timeout,
    lang: values.lang,
    json: values.json ?? false,
    allowPlaintextAuth: values['allow-plaintext-auth'] ?? false,
    save: values.save,
    profile: values.profile,
    auth: values.auth,
    clientId: values['client-id'],
    tenant: values.tenant,
    accessTokenStdin: values['access-token-stdin'] ?? false,
    help: values.help ?? false,
  };
}

/** Looks for --json / --lang before full parsing, so even a usage error is printed the right way. */
export function peekOutputFlags(args: string[]): { json: boolean; lang?: string } {
  const json = args.includes('--json');
  const index = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (index < 0) return { json };
  const arg = args[index] ?? '';
  const lang = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[index + 1];
  return { json, lang };
}
