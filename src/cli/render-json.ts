/**
 * The --json output: exactly one JSON object on stdout, texts in the chosen language. The result
 * comes from the engine already redacted (transcript, replies); nothing here adds a secret.
 */
import { renderDiagnosis } from '../shared/diagnoses';
import type { Lang, ProbeResult } from '../shared/probe-types';

export interface JsonDiagnosis {
  id: string;
  step: string;
  title: string;
  explanation: string;
  advice: string[];
  /** `title` is the step's, numbered as in the guide (e.g. `3. Create an app password`). */
  guide: { guideId: string; stepId: string; title: string } | null;
  reply: string | null;
}

export function diagnosisForOutput(result: ProbeResult, lang: Lang): JsonDiagnosis | null {
  if (!result.diagnosis) return null;
  const rendered = renderDiagnosis(result.diagnosis, lang);
  const guide = rendered.guide;
  return {
    id: rendered.id,
    step: rendered.step,
    title: rendered.title,
    explanation: rendered.explanation,
    advice: rendered.advice,
    guide: guide ? { guideId: guide.guideId, stepId: guide.stepId, title: guide.stepTitle } : null,
    reply: rendered.reply,
  };
}

export function resultToJson(result: ProbeResult, lang: Lang): Record<string, unknown> {
  // IMAP and POP3 results say which protocol they tested; an SMTP result keeps its shape.
  const protocol = (result as { protocol?: unknown }).protocol;
  return {
    ...(typeof protocol === 'string' ? { protocol } : {}),
    ok: result.ok,
    cancelled: result.cancelled,
    steps: result.steps.map((step) => ({
      id: step.id,
      status: step.status,
      ms: step.ms,
      summary: step.summary[lang],
      details: step.details ?? {},
    })),
    diagnosis: result.ok ? null : diagnosisForOutput(result, lang),
    transcript: result.transcript,
    server: result.server,
    tls: result.tls,
    request: result.request,
    startedAt: result.startedAt,
    totalMs: result.totalMs,
  };
}
