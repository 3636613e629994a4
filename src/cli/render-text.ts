/**
 * The readable output: one line per step (status symbol, step name, duration, summary), then the
 * diagnosis with numbered advice, the guide step that fixes it and the server's raw reply.
 *
 * Server text reaches a terminal here: every value is shown through visibleText (no raw control,
 * escape or bidi character, no line break a server could use to print a fake line), the reply is
 * laid out line by line, and the whole output passes visibleLines once more as a backstop.
 */
import { stepName } from '../shared/diagnoses';
import type { Lang, ProbeResult, StepResult, StepStatus } from '../shared/probe-types';
import { visibleLines, visibleText } from '../shared/visible-text';
import { diagnosisForOutput } from './render-json';

const SYMBOLS: Record<StepStatus, string> = { pass: '✔', fail: '✖', warn: '⚠', skip: '–' };

const WORDS = {
  testing: { en: 'Testing', it: 'Verifica di' },
  allGood: { en: 'All steps passed.', it: 'Tutti i passaggi sono riusciti.' },
  passedWithWarnings: {
    en: 'It works, but read the warning (⚠) above.',
    it: 'Funziona, ma leggi l’avviso (⚠) qui sopra.',
  },
  cancelled: { en: 'Test cancelled.', it: 'Verifica annullata.' },
  problem: { en: 'Problem', it: 'Problema' },
  whatToDo: { en: 'What to do', it: 'Cosa fare' },
  guide: { en: 'Guide', it: 'Guida' },
  reply: { en: 'Server reply', it: 'Risposta del server' },
  total: { en: 'Total', it: 'Totale' },
} as const;

function stepLine(step: StepResult, lang: Lang, nameWidth: number): string {
  const name = stepName(step.id, lang).padEnd(nameWidth);
  const ms = `${Math.round(step.ms)} ms`.padStart(8);
  return `  ${SYMBOLS[step.status]} ${name} ${ms}  ${visibleText(step.summary[lang])}`;
}

export function resultToText(result: ProbeResult, lang: Lang): string {
  return visibleLines(layout(result, lang));
}

function layout(result: ProbeResult, lang: Lang): string {
  const { port, security } = result.request;
  const host = visibleText(result.request.host);
  const nameWidth = Math.max(...result.steps.map((s) => stepName(s.id, lang).length), 0);
  const protocol = (result as { protocol?: unknown }).protocol;
  const what = typeof protocol === 'string' ? `${protocol.toUpperCase()} ` : '';
  const lines = [`${WORDS.testing[lang]} ${what}${host}:${port} (${security})`, ''];
  for (const step of result.steps) lines.push(stepLine(step, lang, nameWidth));
  lines.push('', `${WORDS.total[lang]}: ${Math.round(result.totalMs)} ms`);

  if (result.cancelled) {
    lines.push(WORDS.cancelled[lang]);
    return lines.join('\n') + '\n';
  }
  const diagnosis = result.ok ? null : diagnosisForOutput(result, lang);
  if (!diagnosis) {
    const warned = result.steps.some((step) => step.status === 'warn');
    lines.push(warned ? WORDS.passedWithWarnings[lang] : WORDS.allGood[lang]);
    return lines.join('\n') + '\n';
  }
  const title = visibleText(diagnosis.title);
  lines.push(
    '',
    `${WORDS.problem[lang]}: ${title}  [${diagnosis.id}]`,
    '',
    visibleText(diagnosis.explanation),
  );
  if (diagnosis.advice.length > 0) {
    lines.push('', `${WORDS.whatToDo[lang]}:`);
    diagnosis.advice.forEach((item, index) => lines.push(`  ${index + 1}. ${visibleText(item)}`));
  }
  if (diagnosis.guide) {
    const { guideId, stepId, title } = diagnosis.guide;
    lines.push('', `${WORDS.guide[lang]}: ${guideId} › ${stepId} — ${title}`);
  }
  if (diagnosis.reply) {
    lines.push('', `${WORDS.reply[lang]}:`);
    for (const line of diagnosis.reply.split(/\r?\n/)) lines.push(`  ${visibleText(line)}`);
  }
  return lines.join('\n') + '\n';
}
