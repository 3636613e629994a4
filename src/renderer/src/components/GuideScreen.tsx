import { useEffect, useRef } from 'react';
import { getGuide, GUIDES } from '../../../shared/guides';
import { useI18n } from '../i18n/context';
import { formatDay } from '../lib/dates';
import { guideImageUrl } from '../lib/guideImages';
import type { SignInControls } from '../lib/sign-in';
import type { GuideTarget } from './DiagnosisPanel';
import { SignInPanel } from './SignInPanel';
import { TryPresetButtons } from './WayOutPanel';

/** A step that leads to another guide's step: its title on a button. */
function GuideLinkButton({
  link,
  onOpenGuide,
}: {
  link: GuideTarget;
  onOpenGuide: (target: GuideTarget) => void;
}) {
  const { t, l } = useI18n();
  const guide = getGuide(link.guideId);
  if (!guide) return null;
  return (
    <button type="button" className="primary" onClick={() => onOpenGuide(link)} data-testid="guide-link">
      {t('guide.openOther', { title: l(guide.title) })}
    </button>
  );
}

/** Every guide, for a provider that has none of its own. */
function GuideIndex({ onBack, onOpen }: { onBack: () => void; onOpen: (guideId: string) => void }) {
  const { t, l } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="screen guide-screen" aria-labelledby="guide-heading" data-testid="guide-index">
      <div className="toolbar">
        <button type="button" onClick={onBack}>
          {t('guide.back')}
        </button>
      </div>
      <h2 id="guide-heading" tabIndex={-1} ref={headingRef}>
        {t('guide.index')}
      </h2>
      <p>{t('guide.indexIntro')}</p>
      <ul className="guide-index">
        {GUIDES.map((g) => (
          <li key={g.id}>
            <button type="button" className="link" onClick={() => onOpen(g.id)} data-guide={g.id}>
              {l(g.title)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Renders any guide from its data (src/shared/guides), opened at a given step if asked. */
export function GuideScreen({
  guideId,
  stepId,
  onBack,
  onGoToStep,
  onOpenGuide,
  onTryPreset,
  signIn,
}: {
  /** Null: the list of every guide. */
  guideId: string | null;
  stepId: string | null;
  onBack: () => void;
  onGoToStep: (guideId: string, stepId: string | null) => void;
  onOpenGuide: (target: GuideTarget) => void;
  /** Loads a provider preset into the account form, ready to test. */
  onTryPreset: (presetId: string) => void;
  signIn: SignInControls;
}) {
  const { t, l, lang } = useI18n();
  const guide = guideId ? getGuide(guideId) : null;
  const rootRef = useRef<HTMLElement>(null);

  // Opening the guide at a step scrolls to it and moves focus to its heading (keyboard users too).
  useEffect(() => {
    const target = rootRef.current?.querySelector<HTMLElement>(
      stepId ? `[data-guide-step="${CSS.escape(stepId)}"] h3` : 'h2',
    );
    target?.scrollIntoView?.({ block: 'start' });
    target?.focus();
  }, [guideId, stepId]);

  if (!guideId) return <GuideIndex onBack={onBack} onOpen={(id) => onGoToStep(id, null)} />;
  if (!guide) return <p role="alert">{t('guide.notFound')}</p>;
  const noticeStep = guide.notice ? guide.steps.find((s) => s.id === guide.notice?.stepId) : undefined;

  return (
    <article
      className="screen guide-screen"
      ref={rootRef}
      aria-labelledby="guide-heading"
      data-testid="guide"
      data-current-step={stepId ?? ''}
    >
      <div className="toolbar">
        <button type="button" onClick={onBack}>
          {t('guide.back')}
        </button>
      </div>
      <h2 id="guide-heading" tabIndex={-1}>
        {l(guide.title)}
      </h2>
      <p>{l(guide.intro)}</p>
      {guide.notice && (
        <aside className="notice" aria-labelledby="guide-notice-heading" data-testid="guide-notice">
          <h3 id="guide-notice-heading">{l(guide.notice.title)}</h3>
          <p className="small">{t('guide.noticeChecked', { date: formatDay(guide.notice.checked, lang) })}</p>
          {guide.notice.body.map((p) => (
            <p key={p.en}>{l(p)}</p>
          ))}
          {noticeStep && (
            <button type="button" className="primary" onClick={() => onGoToStep(guide.id, noticeStep.id)}>
              {t('guide.noticeGo', { step: l(noticeStep.title) })}
            </button>
          )}
        </aside>
      )}
      <nav aria-label={t('guide.toc')} className="toc">
        {/* The step titles carry their own numbers. */}
        <ul>
          {guide.steps.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className="link"
                onClick={() => onGoToStep(guide.id, s.id)}
                aria-current={s.id === stepId ? 'step' : undefined}
              >
                {l(s.title)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div aria-label={t('guide.stepsLabel')} role="list">
        {guide.steps.map((s) => {
          const src = guideImageUrl(s.image, lang);
          return (
            <section
              key={s.id}
              role="listitem"
              className={`card guide-step${s.id === stepId ? ' current' : ''}`}
              data-guide-step={s.id}
              aria-labelledby={`guide-step-${s.id}`}
            >
              <h3 id={`guide-step-${s.id}`} tabIndex={-1}>
                {l(s.title)}
              </h3>
              <div className="guide-body">
                <div>
                  {s.body.map((p) => (
                    <p key={p.en}>{l(p)}</p>
                  ))}
                  {s.actions.length > 0 && (
                    <ol className="guide-actions">
                      {s.actions.map((a) => (
                        <li key={a.en}>{l(a)}</li>
                      ))}
                    </ol>
                  )}
                  {s.action === 'oauth-sign-in' && (
                    <SignInPanel
                      signIn={signIn}
                      onOpenGuide={onOpenGuide}
                      buttonLabel="guide.signIn"
                      buttonTestId="guide-sign-in"
                      statusTestId="guide-sign-in-status"
                    />
                  )}
                  {s.presets && <TryPresetButtons presetIds={s.presets} onTry={onTryPreset} />}
                  {s.link && <GuideLinkButton link={s.link} onOpenGuide={onOpenGuide} />}
                </div>
                {src && (
                  <img src={src} alt={l(s.imageAlt)} className="guide-image" width={480} height={280} />
                )}
              </div>
            </section>
          );
        })}
      </div>
    </article>
  );
}
