import { renderDiagnosis } from '../../../shared/diagnoses';
import { getGuideStep } from '../../../shared/guides';
import type { DiagnosisRef } from '../../../shared/probe-types';
import { useI18n } from '../i18n/context';

export interface GuideTarget {
  guideId: string;
  stepId: string;
}

/** What went wrong, in plain words, the advice in order, and the guide step that fixes it. */
export function DiagnosisPanel({
  diagnosis,
  onOpenGuide,
}: {
  diagnosis: DiagnosisRef;
  onOpenGuide: (target: GuideTarget) => void;
}) {
  const { t, l, lang } = useI18n();
  const rendered = renderDiagnosis(diagnosis, lang);
  const guideStep = rendered.guide ? getGuideStep(rendered.guide.guideId, rendered.guide.stepId) : null;
  return (
    <section
      className="card card-fail"
      aria-labelledby="diagnosis-heading"
      data-testid="diagnosis"
      data-diagnosis={rendered.id}
    >
      <p className="eyebrow">{t('result.failHeading')}</p>
      <h2 id="diagnosis-heading" tabIndex={-1}>
        {rendered.title}
      </h2>
      <p>{rendered.explanation}</p>
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
