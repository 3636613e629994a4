import { useState } from 'react';
import type { ProbeResult } from '../../../shared/probe-types';
import { formatReport } from '../../../shared/report';
import { errorMessage, useApi } from '../lib/api';
import { useI18n } from '../i18n/context';

/** A support-ticket-ready Markdown report (redacted by formatReport), copied or saved. */
export function ReportActions({ result }: { result: ProbeResult }) {
  const api = useApi();
  const { t, lang } = useI18n();
  const [message, setMessage] = useState('');
  const suggestedName = `mailcheck-${result.request.host}-${result.startedAt.slice(0, 10)}.md`;

  const copy = async () => {
    try {
      await api.invoke('clipboard:write', formatReport(result, lang));
      setMessage(t('result.reportCopied'));
    } catch (err) {
      setMessage(t('result.actionFailed', { message: errorMessage(err) }));
    }
  };
  const save = async () => {
    try {
      const saved = await api.invoke('report:save', { suggestedName, text: formatReport(result, lang) });
      setMessage(
        saved.saved
          ? t('result.reportSaved', { path: saved.path ?? suggestedName })
          : t('result.reportNotSaved'),
      );
    } catch (err) {
      setMessage(t('result.actionFailed', { message: errorMessage(err) }));
    }
  };
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
