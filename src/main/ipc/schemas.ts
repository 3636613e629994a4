/**
 * Runtime validation of every IPC payload, typed against the contract in src/shared/ipc.ts.
 * The renderer is treated as untrusted input: every string is bounded, nothing that reaches an
 * SMTP command line may contain CR or LF, unknown keys are rejected and the arity must match.
 * Electron-free (tests load it).
 */
import { z } from 'zod';
import type { IpcArgs, IpcChannel } from '../../shared/ipc';
import { HOST_MAX_LENGTH } from '../../shared/limits';
import { SECURITY_MODES } from '../../shared/probe-types';
import {
  ADDRESS_MAX_LENGTH,
  USER_MAX_LENGTH,
  hostSchema,
  portSchema,
  profileNameSchema,
  smtpLineSchema,
  strictProfileSchema,
} from '../../engine/profiles/schema';

export const PASSWORD_MAX_LENGTH = 4096;
export const ACCESS_TOKEN_MAX_LENGTH = 16_384;
export const RUN_ID_MAX_LENGTH = 100;
export const URL_MAX_LENGTH = 2048;
export const CLIPBOARD_MAX_LENGTH = 1_000_000;
export const REPORT_MAX_LENGTH = 5_000_000;
export const FILE_NAME_MAX_LENGTH = 200;
/** Bounds for the per-wait timeout a renderer may ask for. */
export const PROBE_TIMEOUT_MIN_MS = 100;
export const PROBE_TIMEOUT_MAX_MS = 120_000;

/** Thrown for a payload that does not match its channel's schema. Names fields, never values. */
export class IpcInputError extends Error {
  readonly code = 'IPC_INVALID_ARGUMENTS';
  readonly messageIt: string;
  constructor(message: string, messageIt: string) {
    super(message);
    this.name = 'IpcInputError';
    this.messageIt = messageIt;
  }
}

const runIdSchema = z
  .string()
  .min(1)
  .max(RUN_ID_MAX_LENGTH)
  .regex(/^[A-Za-z0-9_-]+$/, 'A run id may only contain letters, digits, "-" and "_".');

const addressSchema = smtpLineSchema(ADDRESS_MAX_LENGTH).min(1);
const userSchema = smtpLineSchema(USER_MAX_LENGTH).min(1);
const shortSettingSchema = smtpLineSchema(256).min(1);

/** Functions cannot cross IPC; this keeps the field in the type while refusing any value. */
const noFunctionAcrossIpc = z.custom<() => Promise<string>>(() => false, {
  message: 'Functions cannot be sent over IPC.',
});

const authSchema = z.discriminatedUnion('method', [
  z.strictObject({
    method: z.literal('password'),
    user: userSchema,
    password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  }),
  z.strictObject({
    method: z.literal('oauth2'),
    user: userSchema,
    accessToken: z.string().min(1).max(ACCESS_TOKEN_MAX_LENGTH).optional(),
    getAccessToken: noFunctionAcrossIpc.optional(),
  }),
]);

/** ProbeRequest minus caPem: which CAs to trust is the main process's decision, not the page's. */
const probeRequestSchema = z.strictObject({
  host: hostSchema,
  port: portSchema,
  security: z.enum(SECURITY_MODES as readonly ['auto', 'starttls', 'tls', 'none']),
  auth: authSchema.optional(),
  send: z.strictObject({ from: addressSchema, to: addressSchema }).optional(),
  timeoutMs: z.number().int().min(PROBE_TIMEOUT_MIN_MS).max(PROBE_TIMEOUT_MAX_MS).optional(),
  allowPlaintextAuth: z.boolean().optional(),
  clientName: smtpLineSchema(HOST_MAX_LENGTH).min(1).optional(),
});

const httpUrlSchema = z
  .string()
  .min(1)
  .max(URL_MAX_LENGTH)
  .refine(isHttpUrl, 'Only http: and https: links can be opened.');

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const fileNameSchema = z
  .string()
  .min(1)
  .max(FILE_NAME_MAX_LENGTH)
  .regex(/^[^\\/:*?"<>|\p{Cc}]+$/u, 'A file name may not contain path separators or special characters.')
  .refine((name) => name !== '.' && name !== '..', 'Not a file name.');

export const IPC_SCHEMAS = {
  'app:info': z.tuple([]),
  'app:open-external': z.tuple([httpUrlSchema]),
  'clipboard:write': z.tuple([z.string().max(CLIPBOARD_MAX_LENGTH)]),
  'report:save': z.tuple([
    z.strictObject({ suggestedName: fileNameSchema, text: z.string().max(REPORT_MAX_LENGTH) }),
  ]),
  'probe:run': z.tuple([
    z.strictObject({
      runId: runIdSchema,
      request: probeRequestSchema,
      profileName: profileNameSchema.optional(),
      saveAs: profileNameSchema.optional(),
      savePassword: z.boolean().optional(),
    }),
  ]),
  'probe:cancel': z.tuple([runIdSchema]),
  'profiles:list': z.tuple([]),
  'profiles:save': z.tuple([
    z.strictObject({
      profile: strictProfileSchema,
      password: z.string().min(1).max(PASSWORD_MAX_LENGTH).optional(),
    }),
  ]),
  'profiles:delete': z.tuple([profileNameSchema]),
  'history:list': z.tuple([]),
  'keychain:status': z.tuple([]),
  'oauth:sign-in': z.tuple([
    z.strictObject({
      profileName: profileNameSchema,
      clientId: shortSettingSchema,
      tenant: shortSettingSchema,
      flow: z.enum(['browser', 'device']).optional(),
    }),
  ]),
  'oauth:cancel-sign-in': z.tuple([]),
  'oauth:sign-out': z.tuple([profileNameSchema]),
} satisfies { [C in IpcChannel]: z.ZodType };

// Compile-time check: each schema produces exactly the contract's argument tuple.
type Equals<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type SchemaMatchesContract = {
  [C in IpcChannel]: Equals<z.output<(typeof IPC_SCHEMAS)[C]>, IpcArgs<C>>;
};
const _everySchemaMatches: SchemaMatchesContract[IpcChannel] extends true ? true : SchemaMatchesContract =
  true;
void _everySchemaMatches;

const MAX_ISSUES_SHOWN = 5;

function pathOf(issue: z.ZodError['issues'][number]): string {
  return issue.path.length
    ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.')
    : '(arguments)';
}

/** English: each wrong field with zod's reason (which never quotes the value). */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, MAX_ISSUES_SHOWN)
    .map((issue) => `${pathOf(issue)}: ${issue.message}`)
    .join('; ');
}

/** Italian: the wrong fields only (zod's reasons are English). */
function describeIssuesIt(error: z.ZodError): string {
  return [...new Set(error.issues.slice(0, MAX_ISSUES_SHOWN).map(pathOf))].join(', ');
}

/** Validates a channel's raw arguments; throws IpcInputError naming what is wrong (never the values). */
export function parseArgs<C extends IpcChannel>(channel: C, args: unknown[]): IpcArgs<C> {
  if (!Object.hasOwn(IPC_SCHEMAS, channel)) {
    throw new IpcInputError('Unknown IPC channel.', 'Canale IPC sconosciuto.');
  }
  if (!Array.isArray(args)) {
    throw new IpcInputError(
      `Invalid arguments for ${channel}: not a list.`,
      `Argomenti non validi per ${channel}: non sono un elenco.`,
    );
  }
  const result = IPC_SCHEMAS[channel].safeParse(args);
  if (!result.success) {
    throw new IpcInputError(
      `Invalid arguments for ${channel}: ${describeIssues(result.error)}`,
      `Argomenti non validi per ${channel}; campi da correggere: ${describeIssuesIt(result.error)}`,
    );
  }
  return result.data as IpcArgs<C>;
}
