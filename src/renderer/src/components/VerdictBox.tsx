import type { UsageVerdict } from '../../../shared/usage';
import { useI18n } from '../i18n/context';

/** A plain verdict: this combination cannot work, and (optionally) a way to see what does. */
export function VerdictBox({ verdict, onShowWayOut }: { verdict: UsageVerdict; onShowWayOut?: () => void }) {
  const { t } = useI18n();
  return (
    <section
      className="verdict"
      role="note"
      aria-labelledby="verdict-heading"
      data-testid="verdict"
      data-verdict={verdict}
    >
      <h3 id="verdict-heading">{t(`verdict.${verdict}.title`)}</h3>
      <p>{t(`verdict.${verdict}.body`)}</p>
      {onShowWayOut && (
        <button type="button" className="primary" onClick={onShowWayOut} data-testid="verdict-way-out">
          {t('verdict.show')}
        </button>
      )}
    </section>
  );
}
