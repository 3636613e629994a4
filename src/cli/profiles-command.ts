/**
 * `mailcheck profiles list | show NAME | delete NAME`. Shows only non-secret settings and whether
 * a password is in the keychain; delete removes the profile and every keychain secret of it.
 */
import { parseArgs } from 'node:util';
import { cliProfilesFile, ProfileStore } from '../engine/profiles';
import type { Lang } from '../shared/probe-types';
import type { Profile } from '../shared/profile-types';
import { asciiSafeJson, visibleText } from '../shared/visible-text';
import type { CliIo } from './cli-io';
import { EXIT } from './exit-codes';
import { describeKeychainError, openKeychain } from './keychain';
import { langFromEnv, parseLangFlag } from './lang';
import { describeArgvError } from './argv-problem';
import { reportUsageError, UsageError } from './usage-error';

const FLAGS = { json: { type: 'boolean' }, lang: { type: 'string' } } as const;

const USAGE = {
  en: 'Usage: mailcheck profiles list | show NAME | delete NAME [--json] [--lang it|en]',
  it: 'Uso: mailcheck profiles list | show NOME | delete NOME [--json] [--lang it|en]',
};

function describe(profile: Profile): string {
  const who = profile.user ? `${profile.user} @ ` : '';
  return `${who}${profile.host}:${profile.port} (${profile.security}, ${profile.authMethod})`;
}

/** The incoming server, e.g. `imap 127.0.0.1:993 (tls)`, with its login when it differs. */
function incomingText(profile: Profile): string | undefined {
  const incoming = profile.incoming;
  if (!incoming) return undefined;
  const who = incoming.user ? `${incoming.user} @ ` : '';
  const login = incoming.authMethod ? `, ${incoming.authMethod}` : '';
  return `${incoming.protocol} ${who}${incoming.host}:${incoming.port} (${incoming.security}${login})`;
}

function lastResultText(profile: Profile, lang: Lang): string {
  const last = profile.lastResult;
  if (!last) return lang === 'it' ? 'mai verificato' : 'never tested';
  const verdict = last.ok ? 'OK' : (last.diagnosisId ?? (lang === 'it' ? 'problema' : 'problem'));
  return `${verdict}, ${last.at}`;
}

/** Whether a password is saved; null when the keychain cannot be asked. */
async function passwordSaved(name: string): Promise<boolean | null> {
  try {
    return (await (await openKeychain()).read(name, 'password')) !== null;
  } catch {
    return null;
  }
}

export async function profilesCommand(args: string[], io: CliIo): Promise<number> {
  let lang = langFromEnv(io.env);
  let json = false;
  try {
    let parsed;
    try {
      parsed = parseArgs({ args, options: FLAGS, strict: true, allowPositionals: true });
    } catch {
      // Said by position and kind: parseArgs would quote the argument, which may be a secret.
      const detail = describeArgvError(args, FLAGS, true);
      throw new UsageError('argv', { en: `${detail.en} ${USAGE.en}`, it: `${detail.it} ${USAGE.it}` });
    }
    json = parsed.values.json ?? false;
    lang = parseLangFlag(parsed.values.lang, io.env);
    const [action, name, ...extra] = parsed.positionals;
    const needsName = action === 'show' || action === 'delete';
    if (
      !action ||
      !['list', 'show', 'delete'].includes(action) ||
      (needsName ? !name : name) ||
      extra.length > 0
    ) {
      throw new UsageError('argv', USAGE);
    }
    const store = new ProfileStore(cliProfilesFile(io.env));
    if (action === 'list') return await list(store, io, lang, json);
    const profile = await store.get(name ?? '');
    if (!profile) {
      throw new UsageError('profile', {
        en: `No saved profile is named "${name}".`,
        it: `Nessun profilo salvato si chiama "${name}".`,
      });
    }
    if (action === 'show') return await show(profile, io, lang, json);
    return await remove(store, profile, io, lang, json);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return reportUsageError(error, lang, json, io);
  }
}

async function list(store: ProfileStore, io: CliIo, lang: Lang, json: boolean): Promise<number> {
  const { profiles, warning, warningIt } = await store.list();
  const shown = lang === 'it' ? (warningIt ?? warning) : warning;
  if (shown) io.stderr.write(`mailcheck: ${shown}\n`);
  if (json) {
    io.stdout.write(asciiSafeJson(JSON.stringify({ ok: true, profiles }, null, 2)) + '\n');
    return EXIT.ok;
  }
  if (profiles.length === 0) {
    io.stdout.write(lang === 'it' ? 'Nessun profilo salvato.\n' : 'No saved profiles.\n');
    return EXIT.ok;
  }
  // The profiles file may have been edited by hand: its values are shown, never obeyed.
  const names = profiles.map((p) => visibleText(p.name));
  const width = Math.max(...names.map((name) => name.length));
  profiles.forEach((profile, i) => {
    const line = `${(names[i] ?? '').padEnd(width)}  ${describe(profile)}  [${lastResultText(profile, lang)}]`;
    io.stdout.write(`${visibleText(line)}\n`);
  });
  return EXIT.ok;
}

async function show(profile: Profile, io: CliIo, lang: Lang, json: boolean): Promise<number> {
  const saved = profile.authMethod === 'password' ? await passwordSaved(profile.name) : null;
  if (json) {
    const body = { ok: true, profile, passwordInKeychain: saved };
    io.stdout.write(asciiSafeJson(JSON.stringify(body, null, 2)) + '\n');
    return EXIT.ok;
  }
  const it = lang === 'it';
  const rows: [string, string | undefined][] = [
    [it ? 'Nome' : 'Name', profile.name],
    ['Host', profile.host],
    [it ? 'Porta' : 'Port', String(profile.port)],
    [it ? 'Cifratura' : 'Security', profile.security],
    [it ? 'Utente' : 'User', profile.user],
    [it ? 'Accesso' : 'Login', profile.authMethod],
    ['OAuth', profile.oauth ? `client ${profile.oauth.clientId}, tenant ${profile.oauth.tenant}` : undefined],
    [it ? 'In arrivo' : 'Incoming', incomingText(profile)],
    [it ? 'Da' : 'From', profile.from],
    [it ? 'A' : 'To', profile.to],
    [it ? 'File CA' : 'CA file', profile.caFile],
    ['Timeout', profile.timeoutMs !== undefined ? `${profile.timeoutMs} ms` : undefined],
    [
      it ? 'Password in chiaro' : 'Plaintext login',
      profile.allowPlaintextAuth
        ? it
          ? 'consentita senza TLS (--allow-plaintext-auth)'
          : 'allowed without TLS (--allow-plaintext-auth)'
        : undefined,
    ],
    [
      'Password',
      saved === null
        ? profile.authMethod === 'password'
          ? it
            ? 'portachiavi non disponibile'
            : 'keychain unavailable'
          : undefined
        : saved
          ? it
            ? 'salvata nel portachiavi'
            : 'saved in the keychain'
          : it
            ? 'non salvata'
            : 'not saved',
    ],
    [it ? 'Ultimo esito' : 'Last result', lastResultText(profile, lang)],
    [it ? 'Aggiornato' : 'Updated', profile.updatedAt],
  ];
  const shown = rows.filter((row): row is [string, string] => row[1] !== undefined);
  const width = Math.max(...shown.map(([label]) => label.length));
  for (const [label, value] of shown) io.stdout.write(`${label.padEnd(width)}  ${visibleText(value)}\n`);
  return EXIT.ok;
}

async function remove(
  store: ProfileStore,
  profile: Profile,
  io: CliIo,
  lang: Lang,
  json: boolean,
): Promise<number> {
  let keychainCleared = true;
  try {
    await (await openKeychain()).delete(profile.name);
  } catch (error) {
    keychainCleared = false;
    const why = describeKeychainError(error)[lang];
    io.stderr.write(
      lang === 'it'
        ? `mailcheck: impossibile rimuovere la password dal portachiavi: ${why}\n`
        : `mailcheck: could not remove the password from the keychain: ${why}\n`,
    );
  }
  await store.delete(profile.name);
  if (json) {
    const body = { ok: true, deleted: profile.name, keychainCleared };
    io.stdout.write(asciiSafeJson(JSON.stringify(body, null, 2)) + '\n');
  } else {
    const name = visibleText(profile.name);
    io.stdout.write(lang === 'it' ? `Profilo "${name}" eliminato.\n` : `Profile "${name}" deleted.\n`);
  }
  return keychainCleared ? EXIT.ok : EXIT.problem;
}
