/**
 * A Markdown report of one test, for a support ticket: the settings tested, every step, the
 * diagnosis with its advice, TLS and server details, and the transcript. Pure TS (no Node or DOM
 * APIs): the CLI prints it, the renderer copies or saves it. The ProbeResult is already redacted
 * by the engine, and the report adds no secret of its own (it never sees one).
 */
import { renderDiagnosis, stepName } from './diagnoses';
import type { Lang, ProbeResult, StepStatus } from './probe-types';
import { visibleLines, visibleText } from './visible-text';

type Labels = Record<
  | 'title'
  | 'result'
  | 'ok'
  | 'failed'
  | 'cancelled'
  | 'date'
  | 'duration'
  | 'settings'
  | 'server'
  | 'port'
  | 'security'
  | 'securityUsed'
  | 'user'
  | 'authMethod'
  | 'none'
  | 'diagnosis'
  | 'whatToDo'
  | 'guide'
  | 'reply'
  | 'steps'
  | 'step'
  | 'status'
  | 'time'
  | 'summary'
  | 'tls'
  | 'protocol'
  | 'cipher'
  | 'subject'
  | 'issuer'
  | 'sans'
  | 'validity'
  | 'fingerprint'
  | 'trusted'
  | 'hostnameMatches'
  | 'yes'
  | 'no'
  | 'serverDetails'
  | 'address'
  | 'greeting'
  | 'capabilities'
  | 'authMechanisms'
  | 'transcript'
  | 'redactedNote',
  string
>;

const LABELS: Record<Lang, Labels> = {
  en: {
    title: 'Mailcheck report',
    result: 'Result',
    ok: 'the settings work',
    failed: 'a problem was found',
    cancelled: 'test cancelled',
    date: 'Date',
    duration: 'Duration',
    settings: 'Settings tested',
    server: 'Server',
    port: 'Port',
    security: 'Security',
    securityUsed: 'used',
    user: 'User',
    authMethod: 'Login method',
    none: 'none',
    diagnosis: 'Diagnosis',
    whatToDo: 'What to do',
    guide: 'Guide',
    reply: 'Server reply',
    steps: 'Steps',
    step: 'Step',
    status: 'Result',
    time: 'Time',
    summary: 'Summary',
    tls: 'Encryption (TLS)',
    protocol: 'Protocol',
    cipher: 'Cipher',
    subject: 'Certificate subject',
    issuer: 'Issuer',
    sans: 'Names in the certificate',
    validity: 'Valid',
    fingerprint: 'SHA-256 fingerprint',
    trusted: 'Trusted',
    hostnameMatches: 'Name matches',
    yes: 'yes',
    no: 'no',
    serverDetails: 'Server details',
    address: 'Address',
    greeting: 'Greeting',
    capabilities: 'Capabilities',
    authMechanisms: 'Login methods offered',
    transcript: 'Transcript',
    redactedNote: 'Passwords, tokens and login payloads are replaced by <redacted>.',
  },
  it: {
    title: 'Report di Mailcheck',
    result: 'Esito',
    ok: 'le impostazioni funzionano',
    failed: 'è stato trovato un problema',
    cancelled: 'test annullato',
    date: 'Data',
    duration: 'Durata',
    settings: 'Impostazioni provate',
    server: 'Server',
    port: 'Porta',
    security: 'Sicurezza',
    securityUsed: 'usata',
    user: 'Utente',
    authMethod: 'Metodo di accesso',
    none: 'nessuno',
    diagnosis: 'Diagnosi',
    whatToDo: 'Cosa fare',
    guide: 'Guida',
    reply: 'Risposta del server',
    steps: 'Passaggi',
    step: 'Passaggio',
    status: 'Esito',
    time: 'Tempo',
    summary: 'Riepilogo',
    tls: 'Crittografia (TLS)',
    protocol: 'Protocollo',
    cipher: 'Cifratura',
    subject: 'Intestatario del certificato',
    issuer: 'Emittente',
    sans: 'Nomi nel certificato',
    validity: 'Validità',
    fingerprint: 'Impronta SHA-256',
    trusted: 'Attendibile',
    hostnameMatches: 'Il nome corrisponde',
    yes: 'sì',
    no: 'no',
    serverDetails: 'Dettagli del server',
    address: 'Indirizzo',
    greeting: 'Saluto',
    capabilities: 'Funzionalità',
    authMechanisms: 'Metodi di accesso offerti',
    transcript: 'Trascrizione',
    redactedNote: 'Password, token e dati di accesso sono sostituiti da <redacted>.',
  },
};

const STATUS_TEXT: Record<Lang, Record<StepStatus, string>> = {
  en: { pass: '✅ passed', fail: '❌ failed', warn: '⚠️ warning', skip: '⏭️ skipped' },
  it: { pass: '✅ riuscito', fail: '❌ fallito', warn: '⚠️ attenzione', skip: '⏭️ saltato' },
};

/** Keeps a value on one table cell: no line breaks, no column separators, nothing invisible. */
function cell(text: string): string {
  return visibleText(text.replace(/\r?\n/g, ' ')).replace(/\|/g, '\\|');
}

/** A fenced block whose fence is longer than any backtick run inside. */
function fenced(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${text}\n${fence}`;
}

/**
 * The report as Markdown. Server text (replies, greeting, certificate names, the transcript) is
 * shown through visibleText/visibleLines: a report opened in a terminal or an editor shows an
 * escape sequence or a bidi override as text, never obeys it.
 */
export function formatReport(result: ProbeResult, lang: Lang): string {
  return visibleLines(layoutReport(result, lang));
}

function layoutReport(result: ProbeResult, lang: Lang): string {
  const t = LABELS[lang];
  const out: string[] = [];
  const outcome = result.cancelled ? t.cancelled : result.ok ? t.ok : t.failed;
  const icon = result.cancelled ? '⏹️' : result.ok ? '✅' : '❌';
  out.push(`# ${t.title}`, '');
  out.push(`**${t.result}:** ${icon} ${outcome}  `);
  out.push(`**${t.date}:** ${result.startedAt}  `);
  out.push(`**${t.duration}:** ${result.totalMs} ms`, '');

  const req = result.request;
  const used = result.server.securityUsed ? ` (${t.securityUsed}: ${result.server.securityUsed})` : '';
  out.push(`## ${t.settings}`, '');
  out.push(`- ${t.server}: ${req.host}`);
  out.push(`- ${t.port}: ${req.port}`);
  out.push(`- ${t.security}: ${req.security}${used}`);
  out.push(`- ${t.user}: ${req.user ?? t.none}`);
  out.push(`- ${t.authMethod}: ${req.authMethod ?? t.none}`, '');

  if (result.diagnosis) {
    const d = renderDiagnosis(result.diagnosis, lang);
    out.push(`## ${t.diagnosis}: ${d.title}`, '');
    out.push(`\`${d.id}\` — ${stepName(d.step, lang)}`, '');
    out.push(d.explanation, '');
    out.push(`### ${t.whatToDo}`, '');
    d.advice.forEach((item, i) => out.push(`${i + 1}. ${item}`));
    out.push('');
    if (d.guide) {
      const { guideTitle, stepTitle, guideId, stepId } = d.guide;
      out.push(`${t.guide}: ${guideTitle} › ${stepTitle} (\`${guideId}/${stepId}\`)`, '');
    }
    if (d.reply) out.push(`**${t.reply}:**`, '', fenced(d.reply), '');
  }

  out.push(`## ${t.steps}`, '');
  out.push(`| ${t.step} | ${t.status} | ${t.time} | ${t.summary} |`, '|---|---|---|---|');
  for (const step of result.steps) {
    out.push(
      `| ${cell(stepName(step.id, lang))} | ${STATUS_TEXT[lang][step.status]} | ${step.ms} ms | ${cell(step.summary[lang])} |`,
    );
  }
  out.push('');

  const tls = result.tls;
  if (tls) {
    out.push(`## ${t.tls}`, '');
    out.push(`- ${t.protocol}: ${tls.protocol ?? '?'} (${tls.mode === 'starttls' ? 'STARTTLS' : 'SSL/TLS'})`);
    out.push(`- ${t.cipher}: ${tls.cipher ?? '?'}`);
    out.push(`- ${t.subject}: ${tls.subject ?? '?'}`);
    out.push(`- ${t.issuer}: ${tls.issuer ?? '?'}`);
    out.push(`- ${t.sans}: ${tls.subjectAltNames.join(', ') || '?'}`);
    out.push(`- ${t.validity}: ${tls.validFrom ?? '?'} → ${tls.validTo ?? '?'}`);
    out.push(`- ${t.fingerprint}: ${tls.fingerprint256 ?? '?'}`);
    out.push(`- ${t.trusted}: ${tls.trusted ? t.yes : `${t.no} (${tls.trustError ?? '?'})`}`);
    out.push(`- ${t.hostnameMatches}: ${tls.hostnameMatches ? t.yes : t.no}`, '');
  }

  const server = result.server;
  out.push(`## ${t.serverDetails}`, '');
  out.push(`- ${t.address}: ${server.address ?? '?'}`);
  out.push(`- ${t.greeting}: ${server.greeting ? cell(server.greeting) : '?'}`);
  out.push(`- ${t.capabilities}: ${server.capabilities.join(', ') || t.none}`);
  out.push(`- ${t.authMechanisms}: ${server.authMechanisms.join(', ') || t.none}`, '');

  out.push(`## ${t.transcript}`, '');
  out.push(t.redactedNote, '');
  const width = String(Math.max(0, ...result.transcript.map((l) => l.t))).length;
  const arrow = { client: 'C:', server: 'S:', info: '--' } as const;
  const lines = result.transcript.map(
    (l) => `[${String(l.t).padStart(width)} ms] ${arrow[l.dir]} ${visibleText(l.text)}`,
  );
  out.push(fenced(lines.join('\n')), '');
  return out.join('\n');
}
