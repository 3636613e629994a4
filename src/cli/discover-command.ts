/**
 * `mailcheck discover ADDRESS`: finds the mail settings from the address alone and proves each with
 * a probe that sends no password. Exit 0 when an outgoing (SMTP) setting was found, 1 when none
 * was, 2 for bad usage, 130 when cancelled with Ctrl-C.
 */
import { discover } from '../engine/discovery/discover';
import type { Lang } from '../shared/probe-types';
import type { CliIo } from './cli-io';
import { discoveryToJson, discoveryToText } from './discover-render';
import { discoveryEnv, parseDiscoverFlags } from './discover-options';
import { EXIT } from './exit-codes';
import { DISCOVER_HELP } from './help';
import { langFromEnv, parseLangFlag } from './lang';
import { peekOutputFlags } from './smtp-options';
import { reportUsageError, UsageError } from './usage-error';

export async function discoverCommand(args: string[], io: CliIo): Promise<number> {
  const early = peekOutputFlags(args);
  let lang: Lang = early.lang === 'it' || early.lang === 'en' ? early.lang : langFromEnv(io.env);
  try {
    const flags = parseDiscoverFlags(args);
    lang = parseLangFlag(flags.lang, io.env);
    if (flags.help) {
      io.stdout.write(DISCOVER_HELP[lang]);
      return EXIT.ok;
    }
    const env = discoveryEnv(io.env);
    const controller = new AbortController();
    const onSigint = (): void => {
      if (controller.signal.aborted) process.exit(EXIT.cancelled);
      controller.abort();
    };
    process.on('SIGINT', onSigint);
    let result;
    try {
      result = await discover(flags.address, {
        signal: controller.signal,
        timeoutMs: flags.timeoutMs,
        probe: flags.probe,
        dnsServers: env.dnsServers,
        ispdbUrl: env.ispdbUrl,
      });
    } finally {
      process.removeListener('SIGINT', onSigint);
    }
    io.stdout.write(
      flags.json ? JSON.stringify(discoveryToJson(result), null, 2) + '\n' : discoveryToText(result, lang),
    );
    if (result.cancelled) return EXIT.cancelled;
    return result.smtp ? EXIT.ok : EXIT.problem;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return reportUsageError(error, lang, early.json, io);
  }
}
