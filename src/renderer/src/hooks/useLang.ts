import { useEffect, useMemo, useState } from 'react';
import type { MailcheckApi } from '../../../shared/api';
import type { Lang } from '../../../shared/probe-types';
import { makeI18n, type I18n } from '../i18n/context';

/**
 * The window's language: the OS language from main at start-up, then whatever the user picks.
 * Keeps <html lang> and the window title in step.
 */
export function useLang(api: MailcheckApi, initialLang: Lang): { i18n: I18n; setLang: (lang: Lang) => void } {
  const [lang, setLang] = useState<Lang>(initialLang);
  const i18n = useMemo(() => makeI18n(lang), [lang]);

  useEffect(() => {
    api.invoke('app:info').then(
      (info) => setLang(info.locale),
      () => undefined,
    );
  }, [api]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = i18n.t('app.title');
  }, [lang, i18n]);

  return { i18n, setLang };
}
