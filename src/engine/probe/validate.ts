/**
 * Checks a ProbeRequest before anything is sent: the CLI, the main process and tests hand over
 * whatever they received, and a bad value must become a clear, bilingual message about one field,
 * never a confusing network error (and never an echo of a secret).
 */
import net from 'node:net';
import { z } from 'zod';
import { HOST_MAX_LENGTH } from '../../shared/limits';
import { SECURITY_MODES, type Localized, type ProbeRequest } from '../../shared/probe-types';
import { MAX_TIMEOUT_MS, MIN_TIMEOUT_MS } from './constants';

export class ProbeInputError extends Error {
  readonly code = 'PROBE_INPUT';
  readonly messageIt: string;
  constructor(
    readonly field: string,
    text: Localized,
  ) {
    super(text.en);
    this.name = 'ProbeInputError';
    this.messageIt = text.it;
  }
}

/** Control characters (CR/LF would let a value inject SMTP commands). */
const hasControl = (v: string): boolean =>
  [...v].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
const noControl = (v: string): boolean => !hasControl(v);
/** One dot-separated part of a host name: at most 63 characters, no hyphen at either end. */
const HOST_LABEL = String.raw`[a-zA-Z0-9_]([a-zA-Z0-9_-]{0,61}[a-zA-Z0-9])?`;
const HOSTNAME = new RegExp(String.raw`^(?=.{1,${HOST_MAX_LENGTH}}$)(${HOST_LABEL}\.)*${HOST_LABEL}\.?$`);
/**
 * The key of the host message for an IPv6 address with a zone id (`fe80::1%eth0`): it names a
 * network interface of this computer, which settings stored or shared elsewhere cannot carry.
 */
const IPV6_ZONE_ISSUE = 'host.ipv6-zone';
const ADDRESS = /^[^\s<>()@]+@[^\s<>()@]+$/;

/** A name, an IPv4 address, or (anything with ':') an IPv6 address as Node parses it, without brackets. */
const host = z
  .string()
  .trim()
  .refine((v) => !(v.includes(':') && v.includes('%')), { message: IPV6_ZONE_ISSUE })
  .refine((v) => (v.includes(':') ? net.isIPv6(v) : HOSTNAME.test(v)));
const secret = z.string().min(1).max(4096).refine(noControl);
const user = z
  .string()
  .trim()
  .min(1)
  .max(320)
  .refine((v) => noControl(v) && !/\s/.test(v));

const schema = z.object({
  host,
  port: z.number().int().min(1).max(65535),
  security: z.enum(SECURITY_MODES as unknown as ['auto', 'starttls', 'tls', 'none']),
  auth: z
    .discriminatedUnion('method', [
      z.object({ method: z.literal('password'), user, password: secret }),
      z
        .object({
          method: z.literal('oauth2'),
          user,
          accessToken: secret.optional(),
          getAccessToken: z.custom<() => Promise<string>>((v) => typeof v === 'function').optional(),
        })
        .refine((v) => v.accessToken !== undefined || v.getAccessToken !== undefined, {
          path: ['accessToken'],
        }),
    ])
    .optional(),
  caPem: z.string().max(1_000_000).includes('-----BEGIN CERTIFICATE-----').optional(),
  send: z
    .object({
      from: z.string().trim().max(320).regex(ADDRESS).refine(noControl),
      to: z.string().trim().max(320).regex(ADDRESS).refine(noControl),
    })
    .optional(),
  timeoutMs: z.number().int().min(MIN_TIMEOUT_MS).max(MAX_TIMEOUT_MS).optional(),
  allowPlaintextAuth: z.boolean().optional(),
  clientName: z.string().trim().max(255).regex(HOSTNAME).optional(),
});

/** Bilingual messages per field; the first matching prefix of the issue path wins. */
const MESSAGES: Array<[string, Localized]> = [
  [
    IPV6_ZONE_ISSUE,
    {
      en: 'IPv6 addresses with a zone (such as fe80::1%eth0) are not supported: use the server name or another address.',
      it: 'Gli indirizzi IPv6 con zona (come fe80::1%eth0) non sono supportati: usa il nome del server o un altro indirizzo.',
    },
  ],
  [
    'host',
    {
      en: 'Enter a valid server name or IP address.',
      it: 'Inserisci un nome di server o un indirizzo IP valido.',
    },
  ],
  [
    'port',
    {
      en: 'The port must be a whole number from 1 to 65535.',
      it: 'La porta deve essere un numero intero da 1 a 65535.',
    },
  ],
  [
    'security',
    {
      en: 'Security must be auto, starttls, tls or none.',
      it: 'La sicurezza deve essere auto, starttls, tls o none.',
    },
  ],
  [
    'auth.user',
    {
      en: 'Enter the user name (usually the full email address), without spaces.',
      it: 'Inserisci il nome utente (di solito l’indirizzo email completo), senza spazi.',
    },
  ],
  [
    'auth.password',
    {
      en: 'Enter the password (it cannot be empty or contain line breaks).',
      it: 'Inserisci la password (non può essere vuota né contenere a capo).',
    },
  ],
  [
    'auth.accessToken',
    {
      en: 'An OAuth sign-in needs an access token: sign in with Microsoft first.',
      it: 'L’accesso OAuth richiede un token: accedi prima con Microsoft.',
    },
  ],
  [
    'auth.getAccessToken',
    {
      en: 'The OAuth token provider must be a function.',
      it: 'Il fornitore del token OAuth deve essere una funzione.',
    },
  ],
  [
    'auth',
    {
      en: 'Choose how to log in: password or OAuth (Sign in with Microsoft).',
      it: 'Scegli come accedere: password oppure OAuth (Accedi con Microsoft).',
    },
  ],
  [
    'caPem',
    {
      en: 'The custom CA must be a PEM certificate (-----BEGIN CERTIFICATE-----).',
      it: 'La CA personalizzata deve essere un certificato PEM (-----BEGIN CERTIFICATE-----).',
    },
  ],
  [
    'send.from',
    {
      en: 'Enter a valid sender address (name@domain).',
      it: 'Inserisci un indirizzo mittente valido (nome@dominio).',
    },
  ],
  [
    'send.to',
    {
      en: 'Enter a valid recipient address (name@domain).',
      it: 'Inserisci un indirizzo destinatario valido (nome@dominio).',
    },
  ],
  [
    'send',
    {
      en: 'The test message needs a sender and a recipient.',
      it: 'Il messaggio di prova richiede mittente e destinatario.',
    },
  ],
  [
    'timeoutMs',
    {
      en: `The timeout must be from ${MIN_TIMEOUT_MS} to ${MAX_TIMEOUT_MS} ms.`,
      it: `Il tempo massimo deve essere tra ${MIN_TIMEOUT_MS} e ${MAX_TIMEOUT_MS} ms.`,
    },
  ],
  [
    'allowPlaintextAuth',
    { en: 'allowPlaintextAuth must be true or false.', it: 'allowPlaintextAuth deve essere true o false.' },
  ],
  [
    'clientName',
    { en: 'The EHLO name must be a host name.', it: 'Il nome EHLO deve essere un nome di host.' },
  ],
  [
    '',
    {
      en: 'The test settings are missing or malformed.',
      it: 'Le impostazioni del test mancano o non sono valide.',
    },
  ],
];

function messageFor(field: string): Localized {
  for (const [prefix, text] of MESSAGES) {
    if (prefix === '' || field === prefix || field.startsWith(`${prefix}.`)) return text;
  }
  return MESSAGES[MESSAGES.length - 1]![1];
}

/**
 * Returns a clean ProbeRequest (trimmed strings, only known fields) or throws ProbeInputError
 * naming the first bad field. The error never contains the value itself.
 */
export function validateProbeRequest(req: unknown): ProbeRequest {
  const parsed = schema.safeParse(req);
  if (parsed.success) return parsed.data as ProbeRequest;
  const issue = parsed.error.issues[0];
  const field = (issue?.path ?? []).map(String).join('.');
  // A few issues carry their own message key (still reported on their field).
  const key = issue?.message === IPV6_ZONE_ISSUE ? IPV6_ZONE_ISSUE : field;
  throw new ProbeInputError(field || 'request', messageFor(key));
}
