import { securityWording, type Usage } from '../../../shared/usage';
import type { Fix } from '../lib/fixes';
import { useI18n } from '../i18n/context';

/** The one-click fixes of a failed test, each a button that says exactly what it will do. */
export function FixActions({
  fixes,
  onFix,
  usage = null,
}: {
  fixes: Fix[];
  onFix: (fix: Fix) => void;
  /** Where the settings will be used: a security fix also says what that program calls the mode. */
  usage?: Usage | null;
}) {
  const { t, l } = useI18n();
  if (fixes.length === 0) return null;
  const security = fixes.find((f) => f.kind === 'security');
  const wording = security && usage ? securityWording(usage.kind, security.security) : null;
  return (
    <>
      <div className="fixes" role="group" aria-label={t('fix.heading')} data-testid="fixes">
        {fixes.map((fix, index) => (
          <button
            key={fix.kind}
            type="button"
            className={index === 0 ? 'primary' : undefined}
            onClick={() => onFix(fix)}
            data-testid={`fix-${fix.kind}`}
          >
            {label(fix, t)}
          </button>
        ))}
      </div>
      {wording && (
        <p className="program-wording" data-testid="fix-program-wording">
          {t('program.wording', { text: l(wording) })}
        </p>
      )}
    </>
  );
}

function label(fix: Fix, t: ReturnType<typeof useI18n>['t']): string {
  switch (fix.kind) {
    case 'security':
      return t(fix.security === 'starttls' ? 'fix.useStarttls' : 'fix.useTls', { port: fix.port });
    case 'host':
      return t('fix.typo', { host: fix.host });
    case 'sign-in':
      return t('fix.signIn');
    case 'password-only':
      return t('fix.passwordOnly');
  }
}
