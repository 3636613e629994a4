import { createContext, useContext } from 'react';
import type { Lang, Localized } from '../../../shared/probe-types';
import { translate, type MessageKey } from './messages';

export interface I18n {
  lang: Lang;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** Picks the UI language from a text that carries every language (steps, guides, diagnoses). */
  l: (text: Localized) => string;
}

export function makeI18n(lang: Lang): I18n {
  return { lang, t: (key, params) => translate(lang, key, params), l: (text) => text[lang] };
}

export const I18nContext = createContext<I18n>(makeI18n('en'));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
