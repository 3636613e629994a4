import { useEffect, useRef } from 'react';
import type { RunProbeOutput } from '../../../shared/ipc';
import { encodeIpcError } from '../../../shared/ipc-error';
import { useI18n } from '../i18n/context';
import type { StepView } from '../lib/steps';
import { PASSWORD_REFUSED_DIAGNOSES, usageVerdict, type Usage } from '../../../shared/usage';
import { DiagnosisPanel, type GuideTarget } from './DiagnosisPanel';
import { IpcErrorView } from './IpcErrorView';
import { ReportActions } from './ReportActions';
import { ResultDetails } from './ResultDetails';
import { SettingsCard } from './SettingsCard';
import { StepList } from './StepList';
import { VerdictBox } from './VerdictBox';
import { FixActions } from './FixActions';
import { fixesFor, type Fix } from '../lib/fixes';
import { WayOutPanel } from './WayOutPanel';

/** What the account said when the run started: used by the verdict and the result's wording. */
export interface RunContext {
  providerId: string;
  usage: Usage | null;
}

export interface RunState {
  runId: string;
  context: RunContext;
  host: string;
  port: number;
  steps: StepView[];
  result: RunProbeOutput | null;
  /** The run could not start or the bridge failed (not a failed test: that is a result). */
  error: RunFailure | null;
}

export interface RunFailure {
  /** What probe:run rejected with, rendered in the current language. */
  cause: unknown;
  /** The keychain refused the password to save: the same test can run saving the settings only. */
  canRetryWithoutSaving: boolean;
}

export function TestScreen({
  run,
  onStop,
  onBack,
  onAgain,
  onOpenGuide,
  onRetryWithoutSaving,
  onTryPreset,
  onFix,
}: {
  run: RunState;
  onStop: () => void;
  onBack: () => void;
  onAgain: () => void;
  onOpenGuide: (target: GuideTarget) => void;
  onRetryWithoutSaving: () => void;
  onTryPreset: (presetId: string) => void;
  /** Applies a one-click fix (the way-out one is handled on this screen). */
  onFix: (fix: Fix) => void;
}) {
  const { t } = useI18n();
  const running = !run.result && !run.error;
  const resultRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // A new run replaces the form (and its focused button): keep keyboard focus on this screen.
  useEffect(() => {
    headingRef.current?.focus();
  }, [run.runId]);

  // Esc stops a running test; Ctrl/Cmd+Enter tests again once it is over.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && running) {
        e.preventDefault();
        onStop();
      } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !running) {
        e.preventDefault();
        onAgain();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [running, onStop, onAgain]);

  // When the outcome arrives, move focus to its heading so keyboard and screen-reader users land on it.
  useEffect(() => {
    if (run.result || run.error) resultRef.current?.querySelector<HTMLElement>('h2, [role="alert"]')?.focus();
  }, [run.result, run.error]);

  return (
    <section
      className="screen test-screen"
      aria-labelledby="test-heading"
      data-testid="test-screen"
      data-running={running}
    >
      <h2 id="test-heading" tabIndex={-1} ref={headingRef}>
        {t(running ? 'test.heading' : 'test.resultsHeading', { host: run.host, port: run.port })}
      </h2>
      <StepList steps={run.steps} />
      <div className="toolbar">
        {running ? (
          <>
            <span className="spinner" role="status">
              {t('test.running')}
            </span>
            <button type="button" className="danger" onClick={onStop} data-testid="stop">
              {t('test.stop')}
            </button>
          </>
        ) : (
          <>
            <button type="button" onClick={onBack} data-testid="back">
              {t('test.back')}
            </button>
            <button type="button" onClick={onAgain} data-testid="again">
              {t('test.again')}
            </button>
          </>
        )}
      </div>
      <div ref={resultRef} className="outcome">
        {run.error && (
          <>
            <IpcErrorView
              error={run.error.cause}
              onOpenGuide={onOpenGuide}
              template="test.error"
              className="card card-fail"
              testId="run-error"
            />
            {run.error.canRetryWithoutSaving && (
              <button
                type="button"
                className="primary"
                onClick={onRetryWithoutSaving}
                data-testid="retry-without-password"
              >
                {t('test.retryWithoutPassword')}
              </button>
            )}
          </>
        )}
        {run.result && (
          <Outcome
            result={run.result}
            context={run.context}
            onOpenGuide={onOpenGuide}
            onTryPreset={onTryPreset}
            onFix={onFix}
          />
        )}
      </div>
    </section>
  );
}

function Outcome({
  result,
  context,
  onOpenGuide,
  onTryPreset,
  onFix,
}: {
  result: RunProbeOutput;
  context: RunContext;
  onOpenGuide: (target: GuideTarget) => void;
  onTryPreset: (presetId: string) => void;
  onFix: (fix: Fix) => void;
}) {
  const { t } = useI18n();
  const fixes = result.cancelled ? [] : fixesFor(result, context);
  const applyFix = (fix: Fix) => {
    if (fix.kind !== 'password-only') return onFix(fix);
    // The way-out panel is right below: take the reader there.
    const heading = document.getElementById('way-out-heading');
    heading?.scrollIntoView?.({ block: 'start' });
    heading?.focus();
  };
  const diagnosisId = result.diagnosis?.id ?? null;
  const verdict = result.ok ? null : usageVerdict({ ...context, diagnosisId });
  // A password refused for good: say what does work, right under the diagnosis.
  const wayOut =
    !result.ok &&
    !result.cancelled &&
    (verdict !== null || PASSWORD_REFUSED_DIAGNOSES.includes(diagnosisId ?? ''));
  return (
    <>
      {result.saveProblem && (
        // The test ran; only saving it failed. Shown first, then the result as usual.
        <IpcErrorView
          error={new Error(encodeIpcError(result.saveProblem))}
          onOpenGuide={onOpenGuide}
          template="test.saveProblem"
          testId="save-problem"
        />
      )}
      {result.cancelled ? (
        <p className="card" role="status" data-testid="cancelled">
          {t('test.cancelled')}
        </p>
      ) : result.ok ? (
        <SettingsCard result={result} usage={context.usage} />
      ) : (
        <>
          {verdict && <VerdictBox verdict={verdict} />}
          {result.diagnosis && (
            <DiagnosisPanel
              diagnosis={result.diagnosis}
              onOpenGuide={onOpenGuide}
              fixes={<FixActions fixes={fixes} onFix={applyFix} usage={context.usage} />}
              replacedByVerdict={verdict !== null}
            />
          )}
          {wayOut && (
            <WayOutPanel
              providerId={context.providerId}
              onTryPreset={onTryPreset}
              onOpenGuide={onOpenGuide}
            />
          )}
        </>
      )}
      <ResultDetails result={result} />
      <ReportActions result={result} />
    </>
  );
}
