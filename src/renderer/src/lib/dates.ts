import type { Lang } from '../../../shared/probe-types';

/** The locale used to write dates for each UI language ("26 novembre 2026", "26 November 2026"). */
const LOCALES: Record<Lang, string> = { en: 'en-GB', it: 'it-IT' };

/** A date and time in the user's language, e.g. "26 novembre 2026, 10:32"; the raw text if unparsable. */
export function formatDateTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** A date in the user's language, e.g. "26 novembre 2026"; for ISO days (YYYY-MM-DD) of facts checked. */
export function formatDay(isoDay: string, lang: Lang): string {
  const date = new Date(`${isoDay.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDay;
  return new Intl.DateTimeFormat(LOCALES[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}
