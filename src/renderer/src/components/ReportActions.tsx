import { useState } from 'react';
import type { ProbeResult, ReceiveResult } from '../../../shared/probe-types';
import { formatRunReport } from '../../../shared/report';
import { uiErrorMessage, useApi } from '../lib/api';
import { useI18n } from '../i18n/context';

/** A support-ticket-ready Markdown report (redacted by formatReport), copied or saved. */
export function ReportActions({
  result,
  receive = null,
}: {
  result: ProbeResult;
  /** The receiving test run alongside, when there was one: the report then covers both. */
  receive?: ReceiveResult | null;
}) {
  const api = useApi();
  const { t, lang } = useI18n();
  // Kept as data, not text, so that the words follow a language switch.
  const [outcome, setOutcome] = useState<
    | { kind: 'none' }
    | { kind: 'copied' }
    | { kind: 'saved'; path: string }
    | { kind: 'not-saved' }
    | { kind: 'failed'; error: unknown }
  >({ kind: 'none' });
  const suggestedName = `mailcheck-${result.request.host}-${result.startedAt.slice(0, 10)}.md`;

  const copy = async () => {
    try {
      await api.invoke('clipboard:write', formatRunReport(result, receive, lang));
      setOutcome({ kind: 'copied' });
    } catch (error) {
      setOutcome({ kind: 'failed', error });
    }
  };
  const save = async () => {
    try {
      const saved = await api.invoke('report:save', {
        suggestedName,
        text: formatRunReport(result, receive, lang),
      });
      setOutcome(saved.saved ? { kind: 'saved', path: saved.path ?? suggestedName } : { kind: 'not-saved' });
    } catch (error) {
      setOutcome({ kind: 'failed', error });
    }
  };
  const message =
    outcome.kind === 'copied'
      ? t('result.reportCopied')
      : outcome.kind === 'saved'
        ? t('result.reportSaved', { path: outcome.path })
        : outcome.kind === 'not-saved'
          ? t('result.reportNotSaved')
          : outcome.kind === 'failed'
            ? t('result.actionFailed', { message: uiErrorMessage(outcome.error, lang) })
            : '';
  return (
    <div className="report-actions">
      <button type="button" onClick={() => void copy()} data-testid="copy-report">
        {t('result.copyReport')}
      </button>
      <button type="button" onClick={() => void save()} data-testid="save-report">
        {t('result.saveReport')}
      </button>
      <span role="status" className="feedback">
        {message}
      </span>
    </div>
  );
}
