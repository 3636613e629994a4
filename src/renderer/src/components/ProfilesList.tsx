import type { Profile } from '../../../shared/profile-types';
import { useI18n } from '../i18n/context';

/** Saved accounts: one click reruns the test with the secret kept in the keychain. */
export function ProfilesList({
  profiles,
  warning,
  onRerun,
  onEdit,
  onDelete,
}: {
  profiles: Profile[];
  warning: string | null;
  onRerun: (p: Profile) => void;
  onEdit: (p: Profile) => void;
  onDelete: (p: Profile) => void;
}) {
  const { t } = useI18n();
  return (
    <section className="card profiles" aria-labelledby="profiles-heading" data-testid="profiles">
      <h2 id="profiles-heading">{t('profiles.heading')}</h2>
      {warning && (
        <p className="warning" role="alert">
          {warning}
        </p>
      )}
      {profiles.length === 0 ? (
        <p className="muted">{t('profiles.empty')}</p>
      ) : (
        <ul>
          {profiles.map((p) => (
            <li key={p.name} data-profile={p.name}>
              <div className="profile-text">
                <strong>{p.name}</strong>
                <span className="muted">
                  {p.host}:{p.port}
                </span>
                <span className={p.lastResult ? (p.lastResult.ok ? 'ok' : 'bad') : 'muted'}>
                  {p.lastResult
                    ? t(p.lastResult.ok ? 'profiles.lastOk' : 'profiles.lastFail')
                    : t('profiles.never')}
                </span>
              </div>
              <div className="profile-actions">
                <button
                  type="button"
                  className="primary"
                  onClick={() => onRerun(p)}
                  aria-label={t('profiles.rerunLabel', { name: p.name })}
                  data-testid="rerun"
                >
                  {t('profiles.rerun')}
                </button>
                <button
                  type="button"
                  onClick={() => onEdit(p)}
                  aria-label={t('profiles.editLabel', { name: p.name })}
                >
                  {t('profiles.edit')}
                </button>
                <button
                  type="button"
                  className="danger"
                  onClick={() => onDelete(p)}
                  aria-label={t('profiles.deleteLabel', { name: p.name })}
                  data-testid="delete"
                >
                  {t('profiles.delete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
