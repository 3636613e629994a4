import type { ReceiveRunState } from '../hooks/useReceiveRun';
import { useI18n } from '../i18n/context';
import type { GuideTarget } from './DiagnosisPanel';
import { DiagnosisPanel } from './DiagnosisPanel';
import { IpcErrorView } from './IpcErrorView';
import { ResultDetails } from './ResultDetails';
import { SettingsCard } from './SettingsCard';
import { StepList } from './StepList';

const PROTOCOL_NAMES = { imap: 'IMAP', pop3: 'POP3' } as const;

/** The receiving column of the Test screen: its live steps, then its own outcome. */
export function ReceivePanel({
  run,
  onOpenGuide,
}: {
  run: ReceiveRunState;
  onOpenGuide: (target: GuideTarget) => void;
}) {
  const { t } = useI18n();
  const protocol = PROTOCOL_NAMES[run.protocol];
  const running = !run.result && !run.error;
  const result = run.result;
  return (
    <section
      className="run-column"
      aria-labelledby="receive-heading"
      data-testid="receive-column"
      data-running={running}
    >
      <h3 id="receive-heading">{t('run.receiving', { protocol })}</h3>
      <p className="muted run-target">
        {run.host}:{run.port}
      </p>
      <StepList steps={run.steps} label={t('run.receivingLabel')} testId="receive-steps" />
      {running && (
        <p className="spinner" role="status">
          {t('receive.running')}
        </p>
      )}
      {run.error !== null && (
        <IpcErrorView
          error={run.error}
          onOpenGuide={onOpenGuide}
          template="receive.error"
          className="card card-fail"
          testId="receive-error"
        />
      )}
      {result &&
        (result.cancelled ? (
          <p className="card" role="status" data-testid="receive-cancelled">
            {t('receive.cancelled')}
          </p>
        ) : result.ok ? (
          <SettingsCard result={result} receive={{ protocol }} />
        ) : (
          result.diagnosis && (
            <DiagnosisPanel
              diagnosis={result.diagnosis}
              onOpenGuide={onOpenGuide}
              headingId="receive-diagnosis-heading"
              testId="receive-diagnosis"
            />
          )
        ))}
      {result && <ResultDetails result={result} />}
    </section>
  );
}
