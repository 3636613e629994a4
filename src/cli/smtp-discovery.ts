/**
 * `mailcheck smtp --email ADDRESS` without --host: discovery first (no password involved), then
 * the normal test with the settings it found. Flags given explicitly (--port, --security, --user)
 * win over what discovery found. The login name defaults to the discovered username only when a
 * credential is coming (--password-stdin, --access-token-stdin or --auth), so a plain
 * `--email` run tests the server without logging in.
 */
import { discover } from '../engine/discovery/discover';
import type { DiscoveryResult } from '../engine/discovery/types';
import type { Lang } from '../shared/probe-types';
import type { CliIo } from './cli-io';
import { discoveryEnv, checkAddress } from './discover-options';
import { SOURCE_NAME } from './discover-render';
import { printable } from '../engine/discovery/printable';
import type { SmtpFlags } from './smtp-options';
import { EXIT } from './exit-codes';

export interface DiscoveredFlags {
  flags: SmtpFlags;
  discovery: DiscoveryResult | null;
}

function wantsLogin(flags: SmtpFlags): boolean {
  return flags.passwordStdin || flags.accessTokenStdin || (flags.auth !== undefined && flags.auth !== 'none');
}

/** Fills host/port/security (and user) from discovery when --email is given without --host. */
export async function applyDiscovery(
  flags: SmtpFlags,
  hasProfile: boolean,
  io: CliIo,
  lang: Lang,
  signal: AbortSignal,
): Promise<DiscoveredFlags> {
  if (flags.email === undefined) return { flags, discovery: null };
  const email = checkAddress(flags.email, '--email');
  const withUser = (f: SmtpFlags): SmtpFlags =>
    f.user === undefined && wantsLogin(f) ? { ...f, user: email } : f;
  if (flags.host !== undefined || hasProfile) return { flags: withUser(flags), discovery: null };
  const env = discoveryEnv(io.env);
  const discovery = await discover(email, { signal, dnsServers: env.dnsServers, ispdbUrl: env.ispdbUrl });
  const smtp = discovery.smtp;
  if (!smtp) return { flags, discovery };
  const merged: SmtpFlags = {
    ...flags,
    host: smtp.host,
    port: flags.port ?? String(smtp.port),
    security: flags.security ?? smtp.security,
    user: flags.user ?? (wantsLogin(flags) ? smtp.username : undefined),
  };
  if (!flags.json) {
    const via = SOURCE_NAME[smtp.source][lang];
    const state = smtp.verified
      ? lang === 'it'
        ? 'verificato'
        : 'verified'
      : lang === 'it'
        ? 'NON verificato'
        : 'NOT verified';
    io.stderr.write(
      lang === 'it'
        ? `mailcheck: trovato ${printable(smtp.host)}:${smtp.port} (${smtp.security}) tramite ${via}, ${state}, in ${discovery.totalMs} ms\n`
        : `mailcheck: found ${printable(smtp.host)}:${smtp.port} (${smtp.security}) via ${via}, ${state}, in ${discovery.totalMs} ms\n`,
    );
    if (smtp.oauth && flags.auth !== 'oauth2' && !flags.accessTokenStdin) {
      io.stderr.write(
        lang === 'it'
          ? 'mailcheck: questo provider richiede OAuth2: se la password viene rifiutata, usa --auth oauth2.\n'
          : 'mailcheck: this provider wants OAuth2: if the password is refused, use --auth oauth2.\n',
      );
    }
  }
  return { flags: merged, discovery };
}

/** Discovery found no outgoing server: nothing to test. Exit 1, like `mailcheck discover`. */
export async function reportNothingFound(
  discovery: DiscoveryResult,
  json: boolean,
  lang: Lang,
  io: CliIo,
): Promise<number> {
  const { discoveryToJson } = await import('./discover-render');
  const message =
    lang === 'it'
      ? `Nessun server in uscita (SMTP) trovato per ${printable(discovery.address)}: indica --host (vedi "mailcheck discover ${printable(discovery.address)}").`
      : `No outgoing (SMTP) server found for ${printable(discovery.address)}: give --host (see "mailcheck discover ${printable(discovery.address)}").`;
  io.stderr.write(`mailcheck: ${message}\n`);
  if (json) {
    io.stdout.write(
      JSON.stringify(
        { ok: false, error: { kind: 'discovery', message }, discovery: discoveryToJson(discovery) },
        null,
        2,
      ) + '\n',
    );
  }
  return EXIT.problem;
}

/**
 * The probe's dns step through MAILCHECK_DNS_SERVERS, when set (every `mailcheck smtp` run, with
 * or without --email): the same resolver discovery uses.
 */
export async function envProbeLookup(env: NodeJS.ProcessEnv) {
  const { dnsServers } = discoveryEnv(env);
  if (!dnsServers) return undefined;
  const [{ DiscoveryDns }, { LookupLog }] = await Promise.all([
    import('../engine/discovery/dns'),
    import('../engine/discovery/lookup-log'),
  ]);
  return new DiscoveryDns(dnsServers, new LookupLog()).probeLookup;
}
