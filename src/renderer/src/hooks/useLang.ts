import { useCallback, useEffect, useMemo, useState } from 'react';
import type { MailcheckApi } from '../../../shared/api';
import type { AppInfo } from '../../../shared/ipc';
import { LANGS, type Lang } from '../../../shared/probe-types';
import { makeI18n, type I18n } from '../i18n/context';

/** Where the window remembers the language the user picked (not a secret; per user profile). */
const LANG_KEY = 'mailcheck.lang';

function rememberedLang(): Lang | null {
  try {
    const value = globalThis.localStorage?.getItem(LANG_KEY);
    return LANGS.includes(value as Lang) ? (value as Lang) : null;
  } catch {
    return null;
  }
}

function rememberLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(LANG_KEY, lang);
  } catch {
    // No storage (a locked-down profile): the choice lasts until the window closes.
  }
}

/**
 * The window's language and the app's facts (app:info): the language the user picked last time,
 * else the OS language from main; a pick is remembered. Keeps <html lang> and the title in step.
 */
export function useLang(
  api: MailcheckApi,
  initialLang: Lang,
): { i18n: I18n; setLang: (lang: Lang) => void; info: AppInfo | null } {
  const [lang, setLangState] = useState<Lang>(() => rememberedLang() ?? initialLang);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const i18n = useMemo(() => makeI18n(lang), [lang]);

  useEffect(() => {
    api.invoke('app:info').then(
      (answer) => {
        setInfo(answer);
        // The OS language only when the user never chose one.
        if (!rememberedLang()) setLangState(answer.locale);
      },
      () => undefined,
    );
  }, [api]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = i18n.t('app.title');
  }, [lang, i18n]);

  const setLang = useCallback((next: Lang) => {
    rememberLang(next);
    setLangState(next);
  }, []);

  return { i18n, setLang, info };
}
