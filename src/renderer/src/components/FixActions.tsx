import type { Fix } from '../lib/fixes';
import { useI18n } from '../i18n/context';

/** The one-click fixes of a failed test, each a button that says exactly what it will do. */
export function FixActions({ fixes, onFix }: { fixes: Fix[]; onFix: (fix: Fix) => void }) {
  const { t } = useI18n();
  if (fixes.length === 0) return null;
  return (
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
