import { OAUTH_SUPPORT, USAGE_KINDS, type OAuthSupport, type UsageKind } from '../../../shared/usage';
import { useI18n } from '../i18n/context';

/**
 * "Where will these settings be used?" and "does that program offer Sign in with Microsoft /
 * Google?": asked once, saved with the account, used by the verdict, the result and the settings card.
 */
export function UsageFieldset({
  kind,
  signIn,
  onChange,
}: {
  kind: UsageKind | null;
  signIn: OAuthSupport;
  onChange: (kind: UsageKind, signIn: OAuthSupport) => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset data-testid="usage">
      <legend>{t('usage.legend')}</legend>
      <div className="radios radios-column" role="radiogroup" aria-label={t('usage.legend')}>
        {USAGE_KINDS.map((k) => (
          <label key={k} className="radio">
            <input
              type="radio"
              name="usage-kind"
              value={k}
              checked={kind === k}
              onChange={() => onChange(k, signIn)}
              data-testid={`usage-${k}`}
            />
            {t(`usage.${k}`)}
          </label>
        ))}
      </div>
      {kind && (
        <div className="usage-sign-in">
          <p id="usage-sign-in-legend" className="field-label">
            {t('usage.signInLegend')}
          </p>
          <div
            className="radios"
            role="radiogroup"
            aria-labelledby="usage-sign-in-legend"
            aria-describedby="usage-sign-in-hint"
          >
            {OAUTH_SUPPORT.map((s) => (
              <label key={s} className="radio">
                <input
                  type="radio"
                  name="usage-sign-in"
                  value={s}
                  checked={signIn === s}
                  onChange={() => onChange(kind, s)}
                  data-testid={`usage-signin-${s}`}
                />
                {t(`usage.signIn.${s}`)}
              </label>
            ))}
          </div>
          <small id="usage-sign-in-hint" className="muted">
            {t('usage.signInHint')}
          </small>
        </div>
      )}
    </fieldset>
  );
}
