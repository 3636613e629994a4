import type { Profile } from '../../../shared/profile-types';
import { useI18n } from '../i18n/context';
import type { GuideTarget } from './DiagnosisPanel';
import { IpcErrorView } from './IpcErrorView';

/** Saved accounts: one click reruns the test with the secret kept in the keychain. */
export function ProfilesList({
  profiles,
  warning,
  error,
  signedOut,
  onRerun,
  onEdit,
  onDelete,
  onSignOut,
  onOpenGuide,
}: {
  profiles: Profile[];
  /** From the profile store (e.g. a damaged file moved aside). */
  warning: string | null;
  /** The last failed call on this list (save, delete, sign out…), rendered in the current language. */
  error: unknown;
  /** The account just signed out of Microsoft, to confirm what happened. */
  signedOut: string | null;
  onRerun: (p: Profile) => void;
  onEdit: (p: Profile) => void;
  onDelete: (p: Profile) => void;
  onSignOut: (p: Profile) => void;
  onOpenGuide: (target: GuideTarget) => void;
}) {
  const { t } = useI18n();
  const anyOAuth = profiles.some((p) => p.authMethod === 'oauth2');
  return (
    <section className="card profiles" aria-labelledby="profiles-heading" data-testid="profiles">
      <h2 id="profiles-heading">{t('profiles.heading')}</h2>
      {warning && (
        <p className="warning" role="alert">
          {warning}
        </p>
      )}
      {error !== null && <IpcErrorView error={error} onOpenGuide={onOpenGuide} testId="profiles-error" />}
      {signedOut && (
        <p className="notice-inline" role="status" data-testid="signed-out">
          {t('profiles.signedOut', { name: signedOut })}
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
                {p.incoming && (
                  <span className="muted" data-testid="profile-incoming">
                    {t('profiles.incoming', {
                      protocol: p.incoming.protocol === 'imap' ? 'IMAP' : 'POP3',
                      host: p.incoming.host,
                      port: p.incoming.port,
                    })}
                  </span>
                )}
                {p.authMethod === 'oauth2' && <span className="muted small">{t('profiles.oauth')}</span>}
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
                {p.authMethod === 'oauth2' && (
                  <button
                    type="button"
                    onClick={() => onSignOut(p)}
                    aria-label={t('profiles.signOutLabel', { name: p.name })}
                    aria-describedby="profiles-sign-out-hint"
                    data-testid="sign-out"
                  >
                    {t('profiles.signOut')}
                  </button>
                )}
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
      {anyOAuth && (
        <p id="profiles-sign-out-hint" className="muted small">
          {t('profiles.signOutHint')}
        </p>
      )}
    </section>
  );
}
