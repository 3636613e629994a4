import type { Lang } from '../shared/probe-types';
import { usage } from './usage-error';

/**
 * The language of the output when --lang is not given: the POSIX locale variables, in their own
 * precedence order (LC_ALL, then LC_MESSAGES, then LANG). Any Italian locale (it, it_IT, it_CH…)
 * gives Italian; everything else English.
 */
export function langFromEnv(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^it([_.@-]|$)/i.test(locale) ? 'it' : 'en';
}

/** The --lang flag of every subcommand: it or en; when absent, the locale decides. */
export function parseLangFlag(raw: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (raw === undefined) return langFromEnv(env);
  if (raw === 'en' || raw === 'it') return raw;
  throw usage('lang', '--lang must be it or en.', '--lang deve essere it o en.');
}
