import type { Lang } from '../../../shared/probe-types';
import { LANGS } from '../../../shared/probe-types';
import { useI18n } from '../i18n/context';

export function LanguageSwitch({ onChange }: { onChange: (lang: Lang) => void }) {
  const { t, lang } = useI18n();
  return (
    <label className="lang-switch">
      <span>{t('lang.label')}</span>
      <select value={lang} onChange={(e) => onChange(e.target.value as Lang)} data-testid="lang-switch">
        {LANGS.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`lang.${code}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
