import { useId } from 'react';
import { getDiagnosis, renderDiagnosis } from '../../../shared/diagnoses';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n/messages';
import { decodeIpcError } from '../../../shared/ipc-error';
import { uiErrorMessage } from '../lib/api';
import { DiagnosisPanel, type GuideTarget } from './DiagnosisPanel';

/**
 * A failed window.api call, in the user's language. When main's error names a catalogue diagnosis
 * (consent required, sign-in cancelled, grant expired…) it is shown like a test's diagnosis, with
 * its advice and guide button; otherwise as one message, optionally inside a template with
 * `{message}` (e.g. "The test could not run: {message}").
 */
export function IpcErrorView({
  error,
  onOpenGuide,
  template,
  eyebrow,
  className = 'warning',
  testId = 'ipc-error',
}: {
  error: unknown;
  onOpenGuide: (target: GuideTarget) => void;
  template?: MessageKey;
  eyebrow?: MessageKey;
  className?: string;
  testId?: string;
}) {
  const { t, lang } = useI18n();
  const headingId = useId();
  const message = uiErrorMessage(error, lang);
  const diagnosisId = decodeIpcError(error)?.diagnosisId;
  const entry = diagnosisId ? getDiagnosis(diagnosisId) : undefined;
  if (entry) {
    const diagnosis = { id: entry.id, step: entry.step, reply: null, params: {} };
    return (
      <DiagnosisPanel
        diagnosis={diagnosis}
        onOpenGuide={onOpenGuide}
        detail={extraWords(message, renderDiagnosis(diagnosis, lang))}
        headingId={headingId}
        testId={testId}
        {...(eyebrow ? { eyebrow } : {})}
      />
    );
  }
  return (
    <p className={className} role="alert" tabIndex={-1} data-testid={testId}>
      {template ? t(template, { message }) : message}
    </p>
  );
}

/**
 * What the error's text says beyond the catalogue's title and explanation (main writes
 * "Title. Explanation Microsoft said: …"), so the panel does not repeat itself; the whole text
 * when it is different words altogether.
 */
function extraWords(message: string, rendered: { title: string; explanation: string }): string | undefined {
  const known = `${rendered.title}. ${rendered.explanation}`;
  const rest = message.startsWith(known) ? message.slice(known.length).trim() : message.trim();
  return rest || undefined;
}
