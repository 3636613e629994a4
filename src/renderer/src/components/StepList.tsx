import { useI18n } from '../i18n/context';
import type { StepView } from '../lib/steps';
import { visibleText } from '../../../shared/visible-text';

/** Status symbols are decorative (aria-hidden): the state is also written in words. */
const STATE_ICON: Record<StepView['state'], string> = {
  waiting: '○',
  running: '◌',
  pass: '✓',
  fail: '✕',
  warn: '!',
  skip: '–',
};

export function StepList({ steps }: { steps: StepView[] }) {
  const { t, l } = useI18n();
  return (
    <ol className="steps" aria-label={t('test.stepsLabel')} aria-live="polite" data-testid="steps">
      {steps.map((step) => (
        <li key={step.id} className={`step step-${step.state}`} data-step={step.id} data-state={step.state}>
          <span className="step-icon" aria-hidden="true">
            {STATE_ICON[step.state]}
          </span>
          <span className="step-name">{t(`step.${step.id}`)}</span>
          <span className="step-state">{t(`status.${step.state}`)}</span>
          {step.ms !== null && <span className="step-ms">{t('test.durationMs', { ms: step.ms })}</span>}
          {step.summary && <span className="step-summary">{visibleText(l(step.summary))}</span>}
        </li>
      ))}
    </ol>
  );
}
