/**
 * zod schemas of a saved profile and of the profiles file. Shared by the file loader (which drops
 * unknown fields) and the IPC validation in src/main/ipc/schemas.ts (which rejects them).
 */
import { z } from 'zod';
import { MAX_TIMEOUT_MS, MIN_TIMEOUT_MS } from '../probe/constants';
import { HOST_MAX_LENGTH } from '../../shared/limits';
import { RECEIVE_PROTOCOLS, SECURITY_MODES } from '../../shared/probe-types';
import type { Profile } from '../../shared/profile-types';
import { OAUTH_SUPPORT, USAGE_KINDS } from '../../shared/usage';
import { profileNameProblem } from './name';

/** The only file format this version reads and writes. */
export const PROFILES_FORMAT = 1;

export const ADDRESS_MAX_LENGTH = 320;
export const USER_MAX_LENGTH = 512;
const SHORT_TEXT_MAX_LENGTH = 256;

// A CR or LF in anything that ends up on an SMTP command line would let it inject commands.
const NO_LINE_BREAKS = /^[^\r\n]*$/;
const NO_CONTROL_CHARS = /^[^\p{Cc}]*$/u;

export const profileNameSchema = z.string().superRefine((name, ctx) => {
  const problem = profileNameProblem(name);
  if (problem) ctx.addIssue({ code: 'custom', message: problem.en });
});

/** A host name or IP literal: no spaces, no line breaks, at most HOST_MAX_LENGTH characters. */
export const hostSchema = z
  .string()
  .min(1, 'The server name is empty.')
  .max(HOST_MAX_LENGTH)
  .regex(/^[^\s\p{Cc}]+$/u, 'The server name may not contain spaces or control characters.');

export const portSchema = z.number().int().min(1).max(65535);

/** A line of text that may reach the SMTP conversation (user name, address). */
export function smtpLineSchema(max: number): z.ZodString {
  return z
    .string()
    .max(max)
    .regex(NO_LINE_BREAKS, 'Line breaks are not allowed here.')
    .regex(NO_CONTROL_CHARS, 'Control characters are not allowed here.');
}

const shortText = smtpLineSchema(SHORT_TEXT_MAX_LENGTH);

/** Longer than any real path (Linux PATH_MAX is 4096), short enough to stay a path. */
export const CA_FILE_MAX_LENGTH = 4096;

/**
 * The CA file of a CLI profile: a path, kept as given (the CLI stores it absolute). NUL cannot be
 * in a path at all, and a CR or LF would make the file name lie when it is printed.
 */
export const caFileSchema = z
  .string()
  .min(1, 'The CA file path is empty.')
  .max(CA_FILE_MAX_LENGTH)
  .regex(/^[^\0\r\n]*$/, 'The CA file path may not contain NUL or line breaks.');

/** The same bounds the engine enforces on a request, so a saved timeout always runs. */
export const timeoutMsSchema = z.number().int().min(MIN_TIMEOUT_MS).max(MAX_TIMEOUT_MS);

const securitySchema = z.enum(SECURITY_MODES as readonly ['auto', 'starttls', 'tls', 'none']);
const authMethodSchema = z.enum(['password', 'oauth2', 'none']);

/** The optional incoming server (IMAP or POP3) of a profile. */
export const incomingSchema = z.strictObject({
  protocol: z.enum(RECEIVE_PROTOCOLS as readonly ['imap', 'pop3']),
  host: hostSchema,
  port: portSchema,
  security: securitySchema,
  user: smtpLineSchema(USER_MAX_LENGTH).optional(),
  authMethod: authMethodSchema.optional(),
});

const profileShape = {
  name: profileNameSchema,
  email: smtpLineSchema(ADDRESS_MAX_LENGTH).optional(),
  provider: shortText.optional(),
  host: hostSchema,
  port: portSchema,
  security: securitySchema,
  user: smtpLineSchema(USER_MAX_LENGTH).optional(),
  authMethod: authMethodSchema,
  oauth: z.strictObject({ clientId: shortText.min(1), tenant: shortText.min(1) }).optional(),
  usage: z.strictObject({ kind: z.enum(USAGE_KINDS), signIn: z.enum(OAUTH_SUPPORT) }).optional(),
  from: smtpLineSchema(ADDRESS_MAX_LENGTH).optional(),
  to: smtpLineSchema(ADDRESS_MAX_LENGTH).optional(),
  caFile: caFileSchema.optional(),
  timeoutMs: timeoutMsSchema.optional(),
  allowPlaintextAuth: z.boolean().optional(),
  lastResult: z
    .strictObject({ ok: z.boolean(), diagnosisId: shortText.nullable(), at: shortText })
    .optional(),
  incoming: incomingSchema.optional(),
  updatedAt: shortText,
};

/**
 * Profiles read from disk: unknown fields are DROPPED (decision: the file is ours, and a field this
 * version does not know cannot be shown, edited or trusted; a breaking change bumps `format`).
 */
export const storedProfileSchema = z.object(profileShape);

/** Profiles arriving from the renderer: unknown fields are REJECTED. */
export const strictProfileSchema = z.strictObject(profileShape);

/** The file's envelope; profiles are checked one by one so that one bad entry loses nothing else. */
export const profilesFileSchema = z.object({
  format: z.number().int().positive(),
  profiles: z.array(z.unknown()),
});

// Compile-time check: the schemas produce exactly the shared Profile type.
type Equals<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _storedMatches: Equals<z.output<typeof storedProfileSchema>, Profile> = true;
const _strictMatches: Equals<z.output<typeof strictProfileSchema>, Profile> = true;
void _storedMatches;
void _strictMatches;
