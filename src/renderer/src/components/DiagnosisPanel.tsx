import { renderDiagnosis } from '../../../shared/diagnoses';
import { getGuideStep } from '../../../shared/guides';
import type { DiagnosisRef } from '../../../shared/probe-types';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n/messages';

export interface GuideTarget {
  guideId: string;
  stepId: string;
}

/**
 * What went wrong, in plain words, the advice in order, and the guide step that fixes it. Used for
 * a failed test and for a failed action whose error names a diagnosis (e.g. a Microsoft sign-in).
 */
export function DiagnosisPanel({
  diagnosis,
  onOpenGuide,
  eyebrow = 'result.failHeading',
  detail,
  headingId = 'diagnosis-heading',
  testId = 'diagnosis',
}: {
  diagnosis: DiagnosisRef;
  onOpenGuide: (target: GuideTarget) => void;
  /** The small line above the title: what failed (a test by default). */
  eyebrow?: MessageKey;
  /** Words the catalogue does not have (e.g. what Microsoft answered), shown under the explanation. */
  detail?: string;
  /** Unique per page: a test result and an action's error can be on screen together. */
  headingId?: string;
  testId?: string;
}) {
  const { t, l, lang } = useI18n();
  const rendered = renderDiagnosis(diagnosis, lang);
  const guideStep = rendered.guide ? getGuideStep(rendered.guide.guideId, rendered.guide.stepId) : null;
  return (
    <section
      className="card card-fail"
      aria-labelledby={headingId}
      data-testid={testId}
      data-diagnosis={rendered.id}
    >
      <p className="eyebrow">{t(eyebrow)}</p>
      <h2 id={headingId} tabIndex={-1}>
        {rendered.title}
      </h2>
      <p>{rendered.explanation}</p>
      {detail && <p className="detail">{detail}</p>}
      {rendered.advice.length > 0 && (
        <>
          <h3>{t('result.adviceHeading')}</h3>
          <ol className="advice">
            {rendered.advice.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ol>
        </>
      )}
      {rendered.reply && (
        <p className="reply">
          <span>{t('result.serverReply')}</span> <code>{rendered.reply}</code>
        </p>
      )}
      {rendered.guide && guideStep && (
        <button
          type="button"
          className="primary"
          data-testid="open-guide-step"
          data-guide-step={guideStep.id}
          onClick={() => rendered.guide && onOpenGuide(rendered.guide)}
        >
          {t('result.openGuideStep', { step: l(guideStep.title) })}
        </button>
      )}
    </section>
  );
}
