/**
 * Turns the flags of `mailcheck smtp` (and a saved profile, when --profile is given) into the
 * settings of one test. Flags override the profile. Everything here is checked before anything
 * is sent; a problem is a UsageError (exit 2). The engine's validateProbeRequest then checks the
 * assembled request once more (host syntax, CR/LF in user and addresses…).
 */
import { X509Certificate } from 'node:crypto';
import { resolve } from 'node:path';
import { FileInputError, readBoundedFile, type FileProblem } from '../engine/files/bounded-read';
import { HOST_MAX_LENGTH } from '../shared/limits';
import { SECURITY_MODES, type Localized, type SecurityMode } from '../shared/probe-types';
import type { Profile } from '../shared/profile-types';
import type { SmtpFlags } from './smtp-options';
import { DEFAULT_TENANT, parseTenant } from './tenant';
import { usage } from './usage-error';

export type AuthMethod = Profile['authMethod'];
const AUTH_METHODS: readonly AuthMethod[] = ['password', 'oauth2', 'none'];

/** The port when --port is not given, by security mode (each protocol has its own). */
export interface PortDefaults {
  /** With --security tls (implicit TLS). */
  tls: number;
  /** With --security starttls or none. */
  plain: number;
  /** With --security auto. */
  auto: number;
}

/** SMTP: implicit TLS has its own well-known port; everything else defaults to submission. */
export const SMTP_PORTS: PortDefaults = { tls: 465, plain: 587, auto: 587 };
/** Anything bigger is not a CA bundle someone meant to pass (the whole Mozilla bundle is ≈ 220 KB). */
const MAX_CA_FILE_BYTES = 1_000_000;

export interface SmtpSettings {
  host: string;
  port: number;
  security: SecurityMode;
  user?: string;
  authMethod: AuthMethod;
  /** What a profile keeps: only when a client id is known (flag or profile). */
  oauth?: { clientId: string; tenant: string };
  /** The tenant of the sign-in, also when the client id comes from the environment. */
  tenant: string;
  from?: string;
  to?: string;
  /** Absolute path of the CA file (from --ca, resolved against the working folder, or the profile). */
  caFile?: string;
  caPem?: string;
  timeoutMs?: number;
  allowPlaintextAuth: boolean;
}

function parsePort(raw: string): number {
  if (!/^\d{1,5}$/.test(raw) || Number(raw) < 1 || Number(raw) > 65535) {
    throw usage(
      'port',
      `--port must be a number from 1 to 65535.`,
      `--port deve essere un numero da 1 a 65535.`,
    );
  }
  return Number(raw);
}

function parseSecurity(raw: string): SecurityMode {
  if (!(SECURITY_MODES as readonly string[]).includes(raw)) {
    throw usage(
      'security',
      `--security must be one of: ${SECURITY_MODES.join(', ')}.`,
      `--security deve essere uno tra: ${SECURITY_MODES.join(', ')}.`,
    );
  }
  return raw as SecurityMode;
}

function parseAuthMethod(raw: string): AuthMethod {
  if (!(AUTH_METHODS as readonly string[]).includes(raw)) {
    throw usage(
      'auth',
      `--auth must be password, oauth2 or none.`,
      `--auth deve essere password, oauth2 o none.`,
    );
  }
  return raw as AuthMethod;
}

/** Only the form is checked here; the engine's validateProbeRequest owns the allowed range. */
function parseTimeout(raw: string): number {
  if (!/^\d{1,9}$/.test(raw)) {
    throw usage(
      'timeout',
      '--timeout must be a whole number of milliseconds.',
      '--timeout deve essere un numero intero di millisecondi.',
    );
  }
  return Number(raw);
}

const FILE_PROBLEM: Record<FileProblem, Localized> = {
  missing: { en: 'does not exist', it: 'non esiste' },
  unreadable: { en: 'cannot be read (permissions?)', it: 'non si può leggere (permessi?)' },
  directory: { en: 'is a folder, not a file', it: 'è una cartella, non un file' },
  fifo: { en: 'is a named pipe (FIFO), not a file', it: 'è una pipe con nome (FIFO), non un file' },
  device: { en: 'is a device, not a file', it: 'è un dispositivo, non un file' },
  socket: { en: 'is a socket, not a file', it: 'è un socket, non un file' },
  'too-big': { en: 'is larger than 1 MB', it: 'è più grande di 1 MB' },
};

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/** How many of the PEM blocks are certificates that really parse (a header alone is not one). */
function parseableCertificates(text: string): number {
  let count = 0;
  for (const block of text.match(PEM_CERTIFICATE) ?? []) {
    try {
      new X509Certificate(block);
      count++;
    } catch {
      /* not a certificate: not counted */
    }
  }
  return count;
}

async function readCaFile(path: string): Promise<string> {
  let text: string;
  try {
    text = (await readBoundedFile(path, MAX_CA_FILE_BYTES)).toString('utf8');
  } catch (error) {
    const why = FILE_PROBLEM[error instanceof FileInputError ? error.problem : 'unreadable'];
    throw usage('ca', `The CA file "${path}" ${why.en}.`, `Il file CA "${path}" ${why.it}.`);
  }
  if (parseableCertificates(text) === 0) {
    throw usage(
      'ca',
      `The CA file "${path}" holds no certificate that can be read (a PEM block -----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----).`,
      `Il file CA "${path}" non contiene alcun certificato leggibile (un blocco PEM -----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----).`,
    );
  }
  return text;
}

// The engine trims values before it checks them; on the command line a stray space, CR or LF is
// almost always a copy-paste accident (or an injection attempt), so it is refused, not trimmed.
const WHITESPACE_OR_CONTROL = /[\s\p{Cc}]/u;
const CONTROL = /[\p{Cc}\u2028\u2029]/u;

function checkHost(host: string): string {
  if (host.length === 0 || WHITESPACE_OR_CONTROL.test(host) || host.length > HOST_MAX_LENGTH) {
    throw usage(
      'host',
      `--host must be a server name or IP address (at most ${HOST_MAX_LENGTH} characters, no spaces or line breaks).`,
      `--host deve essere un nome di server o un indirizzo IP (al massimo ${HOST_MAX_LENGTH} caratteri, senza spazi né a capo).`,
    );
  }
  return host;
}

function checkNoControl(field: 'user' | 'from' | 'to', value: string | undefined): string | undefined {
  if (value !== undefined && (value.length === 0 || CONTROL.test(value) || value.trim() !== value)) {
    throw usage(
      field,
      `--${field} must not be empty nor contain line breaks, NUL or other control characters, nor surrounding spaces.`,
      `--${field} non può essere vuoto né contenere a capo, NUL o altri caratteri di controllo, né spazi iniziali o finali.`,
    );
  }
  return value;
}

/**
 * Which login: --auth when given; else --access-token-stdin means OAuth2 (a token is of no use to
 * any other method); else the profile's; else a password when there is a user. Contradictions are
 * usage errors: both --password-stdin and --access-token-stdin would read the same stdin, and a
 * token with --auth password or none would be silently ignored.
 */
function resolveAuthMethod(
  flags: SmtpFlags,
  profile: Partial<Profile> | null,
  user: string | undefined,
): AuthMethod {
  if (flags.accessTokenStdin && flags.passwordStdin) {
    throw usage(
      'access-token',
      '--access-token-stdin and --password-stdin cannot be used together (both read standard input): choose one.',
      "--access-token-stdin e --password-stdin non si possono usare insieme (leggono entrambi l'input standard): scegline uno.",
    );
  }
  const method = flags.auth !== undefined ? parseAuthMethod(flags.auth) : undefined;
  if (flags.accessTokenStdin && method !== undefined && method !== 'oauth2') {
    throw usage(
      'access-token',
      `--access-token-stdin is an OAuth2 token: it cannot be used with --auth ${method} (leave --auth out, or use --auth oauth2).`,
      `--access-token-stdin è un token OAuth2: non si può usare con --auth ${method} (ometti --auth, o usa --auth oauth2).`,
    );
  }
  if (flags.passwordStdin && method === 'oauth2') {
    throw usage(
      'password',
      '--password-stdin cannot be used with --auth oauth2 (use --access-token-stdin, or let the device-code sign-in run).',
      '--password-stdin non si può usare con --auth oauth2 (usa --access-token-stdin, o lascia partire l’accesso con codice).',
    );
  }
  if (method !== undefined) return method;
  if (flags.accessTokenStdin) return 'oauth2';
  return profile?.authMethod ?? (user ? 'password' : 'none');
}

function defaultPort(security: SecurityMode, ports: PortDefaults): number {
  if (security === 'tls') return ports.tls;
  return security === 'auto' ? ports.auto : ports.plain;
}

/** Merges flags over the saved profile (if any) and checks what the CLI itself is responsible for. */
export async function resolveSmtpSettings(
  flags: SmtpFlags,
  /** The saved settings (a profile, or the incoming server of one): any field may be missing. */
  profile: Partial<Profile> | null,
  ports: PortDefaults = SMTP_PORTS,
): Promise<SmtpSettings> {
  const host = flags.host ?? profile?.host;
  if (host === undefined) {
    throw usage(
      'host',
      'Missing --host (the mail server, e.g. smtp-mail.outlook.com).',
      'Manca --host (il server di posta, per es. smtp-mail.outlook.com).',
    );
  }
  checkHost(host);
  const security =
    flags.security !== undefined ? parseSecurity(flags.security) : (profile?.security ?? 'auto');
  const port =
    flags.port !== undefined ? parsePort(flags.port) : (profile?.port ?? defaultPort(security, ports));
  const user = checkNoControl('user', flags.user ?? profile?.user);
  const authMethod = resolveAuthMethod(flags, profile, user);
  if (authMethod !== 'none' && !user) {
    throw flags.accessTokenStdin
      ? usage(
          'user',
          '--access-token-stdin needs --user (the address the token belongs to).',
          "--access-token-stdin richiede --user (l'indirizzo a cui appartiene il token).",
        )
      : usage('user', `--auth ${authMethod} needs --user.`, `--auth ${authMethod} richiede --user.`);
  }
  const from = checkNoControl('from', flags.from ?? profile?.from);
  const to = checkNoControl('to', flags.to ?? profile?.to);
  if ((from === undefined) !== (to === undefined)) {
    throw usage(
      'from',
      'Give both --from and --to for the send test, or neither.',
      'Indica sia --from sia --to per la prova di invio, oppure nessuno dei due.',
    );
  }
  const clientId = flags.clientId ?? profile?.oauth?.clientId;
  const tenant = parseTenant(flags.tenant ?? profile?.oauth?.tenant ?? DEFAULT_TENANT);
  // Stored absolute, so a profile works from any folder; flags win over the profile.
  const caFile = flags.ca !== undefined ? resolve(flags.ca) : profile?.caFile;
  return {
    host,
    port,
    security,
    user,
    authMethod,
    oauth: clientId !== undefined ? { clientId, tenant } : undefined,
    tenant,
    from,
    to,
    caFile,
    caPem: caFile !== undefined ? await readCaFile(caFile) : undefined,
    timeoutMs: flags.timeout !== undefined ? parseTimeout(flags.timeout) : profile?.timeoutMs,
    allowPlaintextAuth: flags.allowPlaintextAuth || (profile?.allowPlaintextAuth ?? false),
  };
}
