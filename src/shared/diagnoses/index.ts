/**
 * The diagnosis catalogue: every problem Mailcheck can name, as data (SMTP entries in smtp.ts,
 * OAuth entries in oauth.ts, IMAP/POP3 entries in receive.ts and the receiving side's wording of
 * shared ids in receive-variants.ts), and the renderer that turns a DiagnosisRef into text in one language.
 * Pure TS: the engine, the CLI, the report and the renderer all use it.
 */
import type { DiagnosisRef, Lang, StepId } from '../probe-types';
import { getGuide, getGuideStep } from '../guides';
import type { DiagnosisAudience, DiagnosisEntry, RenderedDiagnosis, RenderedGuideLink } from './types';
import { OAUTH_DIAGNOSES } from './oauth';
import { RECEIVE_DIAGNOSES } from './receive';
import { RECEIVE_VARIANTS } from './receive-variants';
import { describeReplyStatus, replyCodes } from './rfc3463';
import { SMTP_DIAGNOSES } from './smtp';
import { parseSmtpReply, quotableText } from './smtp-reply';

export type {
  DiagnosisAdvice,
  DiagnosisAudience,
  DiagnosisEntry,
  RenderedDiagnosis,
  RenderedGuideLink,
} from './types';
export { SMTP_DIAGNOSES } from './smtp';
export { OAUTH_DIAGNOSES } from './oauth';
export { RECEIVE_DIAGNOSES } from './receive';
export { RECEIVE_VARIANTS, type DiagnosisVariant } from './receive-variants';
export { SMTP_REPLY_RULES, diagnosisIdForReply } from './smtp-rules';
export { REPLY_STEPS, parseSmtpReply, type ReplyRule, type ReplyStep, type SmtpReply } from './smtp-reply';
export { describeReplyStatus } from './rfc3463';

/** Id of the catch-all entry: the raw server reply is shown with it. */
export const UNKNOWN_DIAGNOSIS_ID = 'unknown';

/**
 * Parameters the engine fills in on every DiagnosisRef, so catalogue texts may always use them.
 * A text that uses any other `{name}` fails the catalogue test.
 */
export const DIAGNOSIS_PARAMS = [
  'host',
  'port',
  'security',
  'user',
  'mechanisms',
  'step',
  'protocol',
] as const;
export type DiagnosisParam = (typeof DIAGNOSIS_PARAMS)[number];

/**
 * Parameters renderDiagnosis derives from the ref's reply, in the rendered language: the codes as
 * people quote them (`550 5.7.1`), what they mean (RFC 3463 / RFC 5321), and the server's own text
 * (cleaned and bounded). `?` when the ref has no SMTP reply.
 */
export const REPLY_PARAMS = ['replyCode', 'replyMeaning', 'replyText'] as const;

/** Shown in place of a parameter the ref does not carry (never the raw `{name}`). */
const MISSING_PARAM = '?';

export const DIAGNOSES: readonly DiagnosisEntry[] = [
  ...SMTP_DIAGNOSES,
  ...OAUTH_DIAGNOSES,
  ...RECEIVE_DIAGNOSES,
];

/** The receiving protocols' names, as the IMAP and POP3 checks put them in `params.protocol`. */
const RECEIVE_PROTOCOL_NAMES = ['IMAP', 'POP3'];
/** `{protocol}` of a ref that does not say (an SMTP ref never uses a receive-only text). */
const DEFAULT_PROTOCOL = 'IMAP/POP3';

/**
 * The entry to render for a ref: for an IMAP or POP3 check, the receiving side's wording of a
 * shared id when it has one (see receive-variants.ts); otherwise the catalogue entry.
 */
function entryFor(ref: DiagnosisRef): DiagnosisEntry | undefined {
  const entry = getDiagnosis(ref.id);
  const variant = RECEIVE_PROTOCOL_NAMES.includes(ref.params.protocol ?? '')
    ? RECEIVE_VARIANTS[ref.id]
    : undefined;
  if (!entry || !variant) return entry;
  // The Outlook guide is about sending; the receiving side's texts carry their own advice instead.
  return { id: entry.id, step: entry.step, ...variant };
}

const BY_ID = new Map(DIAGNOSES.map((entry) => [entry.id, entry]));

export function getDiagnosis(id: string): DiagnosisEntry | undefined {
  return BY_ID.get(id);
}

/** A `{name}` placeholder in a catalogue text. */
const PLACEHOLDER = /\{([a-zA-Z][\w-]*)\}/g;

/** Replaces each `{name}` with params[name]. */
export function interpolate(text: string, params: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (_match, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? (params[name] ?? MISSING_PARAM) : MISSING_PARAM,
  );
}

/** The `{name}` placeholders a text uses. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}

/** Microsoft's submission hosts: smtp-mail.outlook.com, smtp.office365.com and their domains. */
const MICROSOFT_DOMAINS = ['outlook.com', 'office365.com'];

/** Whom the advice for this server is meant for (a name, case and a trailing dot ignored). */
export function audienceOfHost(host: string | undefined): DiagnosisAudience {
  const name = (host ?? '').trim().toLowerCase().replace(/\.$/, '');
  const microsoft = MICROSOFT_DOMAINS.some((domain) => name === domain || name.endsWith(`.${domain}`));
  return microsoft ? 'microsoft' : 'other';
}

/**
 * Renders a diagnosis in one language. An id the catalogue does not know renders as `unknown`
 * (keeping the ref's id, step and reply), so a newer engine never breaks an older renderer.
 */
export function renderDiagnosis(ref: DiagnosisRef, lang: Lang): RenderedDiagnosis {
  const entry = entryFor(ref) ?? getDiagnosis(UNKNOWN_DIAGNOSIS_ID);
  if (!entry) throw new Error(`The diagnosis catalogue has no "${UNKNOWN_DIAGNOSIS_ID}" entry`);
  const params: Record<string, string> = {
    step: stepName(ref.step, lang),
    protocol: DEFAULT_PROTOCOL,
    ...ref.params,
    ...replyParams(ref, lang),
  };
  // Advice and guide links written for one kind of server are shown for that kind only.
  const audience = audienceOfHost(ref.params.host);
  const fits = (item: { audience?: DiagnosisAudience }): boolean =>
    item.audience === undefined || item.audience === audience;
  const guide = entry.guide && fits(entry.guide) ? renderGuideLink(entry.guide, lang) : null;
  return {
    id: ref.id,
    step: ref.step,
    title: interpolate(entry.title[lang], params),
    explanation: interpolate(entry.explanation[lang], params),
    advice: entry.advice.filter(fits).map((item) => interpolate(item[lang], params)),
    guide,
    reply: ref.reply,
  };
}

/** The REPLY_PARAMS for a ref, in one language; none when its reply is not an SMTP reply. */
function replyParams(ref: DiagnosisRef, lang: Lang): Record<string, string> {
  const reply = parseSmtpReply(ref.reply);
  if (!reply) return {};
  return {
    replyCode: replyCodes(reply),
    replyMeaning: describeReplyStatus(reply, lang),
    replyText: quotableText(reply.text) || replyCodes(reply),
  };
}

/**
 * The guide step a diagnosis points at, with its titles in one language, so the CLI, the report and
 * the window need no lookup of their own. A link to a step no guide has (the catalogue test forbids
 * it) renders as no link rather than a dead one.
 */
function renderGuideLink(link: { guideId: string; stepId: string }, lang: Lang): RenderedGuideLink | null {
  const guide = getGuide(link.guideId);
  const step = getGuideStep(link.guideId, link.stepId);
  if (!guide || !step) return null;
  return { guideId: guide.id, stepId: step.id, guideTitle: guide.title[lang], stepTitle: step.title[lang] };
}

const STEP_NAMES: Record<StepId, Record<Lang, string>> = {
  dns: { en: 'name lookup (DNS)', it: 'ricerca del nome (DNS)' },
  tcp: { en: 'connection', it: 'connessione' },
  greeting: { en: 'server greeting', it: 'saluto del server' },
  ehlo: { en: 'capabilities (EHLO)', it: 'funzionalità (EHLO)' },
  capabilities: { en: 'capabilities', it: 'funzionalità' },
  tls: { en: 'encryption (TLS)', it: 'cifratura (TLS)' },
  auth: { en: 'login', it: 'accesso' },
  send: { en: 'test message', it: 'messaggio di prova' },
  mailbox: { en: 'mailbox', it: 'casella' },
};

/** The name of a step for people. */
export function stepName(step: StepId, lang: Lang): string {
  return STEP_NAMES[step][lang];
}
