import { getGuideStep } from '../../../shared/guides';
import { getProvider, providersOfKind } from '../../../shared/providers';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n/messages';
import type { GuideTarget } from './DiagnosisPanel';

/** The guide that explains every option of the panel (src/shared/guides/password-only.ts). */
export const PASSWORD_ONLY_GUIDE_ID = 'password-only';

/** "Try …" for each preset: one click loads it into the account form, ready to test. */
export function TryPresetButtons({
  presetIds,
  onTry,
  withCustom = false,
}: {
  presetIds: readonly string[];
  onTry: (presetId: string) => void;
  /** Also "Another hosting provider": a blank server to type. */
  withCustom?: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className="try-presets">
      {presetIds.map((id) => {
        const preset = getProvider(id);
        if (!preset) return null;
        return (
          <button key={id} type="button" onClick={() => onTry(id)} data-testid={`try-${id}`}>
            {t('wayOut.try', { name: preset.name })}
          </button>
        );
      })}
      {withCustom && (
        <button type="button" onClick={() => onTry('custom')} data-testid="try-custom">
          {t('wayOut.ownDomain.other')}
        </button>
      )}
    </div>
  );
}

interface Option {
  id: string;
  title: MessageKey;
  body: MessageKey;
  presets: readonly string[];
  /** The guide step that explains it. */
  stepId: string;
  /** Offer "Other hosting provider" (a blank custom server). */
  custom?: boolean;
}

const OPTIONS: readonly Option[] = [
  {
    id: 'own-domain',
    title: 'wayOut.ownDomain.title',
    body: 'wayOut.ownDomain.body',
    presets: providersOfKind('hosting').map((p) => p.id),
    stepId: 'own-domain',
    custom: true,
  },
  {
    id: 'gmail',
    title: 'wayOut.gmail.title',
    body: 'wayOut.gmail.body',
    presets: ['gmail'],
    stepId: 'gmail-app-password',
  },
  {
    id: 'relay',
    title: 'wayOut.relay.title',
    body: 'wayOut.relay.body',
    presets: providersOfKind('relay').map((p) => p.id),
    stepId: 'relay',
  },
];

const M365_OPTION: Option = {
  id: 'm365-admin',
  title: 'wayOut.m365.title',
  body: 'wayOut.m365.body',
  presets: [],
  stepId: 'm365-admin',
};

/**
 * What works with a program that can only send a password: each option with its guide step and
 * its presets, each tested in one click. Microsoft 365 mailboxes get the administrator's option first.
 */
export function WayOutPanel({
  providerId,
  onTryPreset,
  onOpenGuide,
}: {
  providerId: string;
  onTryPreset: (presetId: string) => void;
  onOpenGuide: (target: GuideTarget) => void;
}) {
  const { t, l } = useI18n();
  const options = providerId === 'microsoft365' ? [M365_OPTION, ...OPTIONS] : OPTIONS;
  return (
    <section className="card way-out" aria-labelledby="way-out-heading" data-testid="way-out">
      <h2 id="way-out-heading" tabIndex={-1}>
        {t('wayOut.heading')}
      </h2>
      <p>{t('wayOut.intro')}</p>
      <ul className="way-out-options">
        {options.map((o) => {
          const step = getGuideStep(PASSWORD_ONLY_GUIDE_ID, o.stepId);
          return (
            <li key={o.id} data-way-out={o.id}>
              <h3>{t(o.title)}</h3>
              <p>{t(o.body)}</p>
              <TryPresetButtons presetIds={o.presets} onTry={onTryPreset} withCustom={o.custom} />
              {step && (
                <button
                  type="button"
                  className="link"
                  onClick={() => onOpenGuide({ guideId: PASSWORD_ONLY_GUIDE_ID, stepId: o.stepId })}
                  data-testid={`way-out-guide-${o.id}`}
                >
                  {t('wayOut.guide', { step: l(step.title) })}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
