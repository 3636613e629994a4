import type { ReactNode } from 'react';
import { renderDiagnosis } from '../../../shared/diagnoses';
import type { DiagnosisRef } from '../../../shared/probe-types';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n/messages';
import { visibleText } from '../../../shared/visible-text';

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
  fixes,
  replacedByVerdict = false,
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
  /** One-click fixes, shown right under the explanation (before the advice to read). */
  fixes?: ReactNode;
  /**
   * A plain verdict above says this combination cannot work: the catalogue's advice and guide link
   * (written for programs that can sign in) would contradict it, so they give way to the way-out panel.
   */
  replacedByVerdict?: boolean;
}) {
  const { t, lang } = useI18n();
  const rendered = renderDiagnosis(diagnosis, lang);
  const guide = rendered.guide;
  return (
    <section
      className="card card-fail"
      aria-labelledby={headingId}
      data-testid={testId}
      data-diagnosis={rendered.id}
    >
      <p className="eyebrow">{t(eyebrow)}</p>
      <h2 id={headingId} tabIndex={-1}>
        {visibleText(rendered.title)}
      </h2>
      <p>{visibleText(rendered.explanation)}</p>
      {detail && <p className="detail">{detail}</p>}
      {fixes}
      {!replacedByVerdict && rendered.advice.length > 0 && (
        <>
          <h3>{t('result.adviceHeading')}</h3>
          <ol className="advice">
            {rendered.advice.map((item) => (
              <li key={item}>{visibleText(item)}</li>
            ))}
          </ol>
        </>
      )}
      {rendered.reply && (
        <p className="reply">
          <span>{t('result.serverReply')}</span> <code>{visibleText(rendered.reply)}</code>
        </p>
      )}
      {guide && !replacedByVerdict && (
        <button
          type="button"
          className="primary"
          data-testid="open-guide-step"
          data-guide-step={guide.stepId}
          onClick={() => onOpenGuide({ guideId: guide.guideId, stepId: guide.stepId })}
        >
          {t('result.openGuideStep', { step: guide.stepTitle })}
        </button>
      )}
    </section>
  );
}
