/**
 * `mailcheck smtp`, `mailcheck imap`, `mailcheck pop3`: one flow for the three, parameterized by a
 * CheckKind (smtp-command.ts, receive-command.ts): check the input, run the test, then (with --save)
 * save it: settings to the profiles file, password to the keychain. Same flags, same JSON shape,
 * same exit codes. Nothing reaches the network before every check passed.
 * The password is read from stdin or the keychain only, and is never printed, logged or written to
 * a file.
 *
 * Why --save comes AFTER the test: the test is what the user asked for, so nothing about saving
 * may delay, block or lose it (a locked keychain, an unwritable config folder). The profile is saved
 * whatever the verdict, because people save while they are still fixing the other settings; only a
 * cancelled run (Ctrl-C) saves nothing. A save problem is reported on stderr and in the JSON
 * (`saved`), and the exit code stays the test's.
 */
import { profileNameProblem } from '../engine/profiles/name';
import type { ProfileStore } from '../engine/profiles/store';
import type { AuthInput, Lang, Localized, ProbeEvent, ProbeResult } from '../shared/probe-types';
import type { Profile } from '../shared/profile-types';
import { asciiSafeJson, visibleLines } from '../shared/visible-text';
import type { RunProbeOptions } from '../engine/probe';
import type { CliIo } from './cli-io';
import { EXIT } from './exit-codes';
import { openKeychain, describeKeychainError } from './keychain';
import { langFromEnv, parseLangFlag } from './lang';
import { readSecretLine, SecretInputCancelled, SecretInputTimedOut } from './read-secret';
import { resultToJson } from './render-json';
import { resultToText } from './render-text';
import { openProfileStore } from './profile-store';
import { parseSmtpFlags, peekOutputFlags, type SmtpFlags } from './smtp-options';
import { resolveSmtpSettings, type PortDefaults, type SmtpSettings } from './smtp-settings';
import { warmUpTlsWhileGreeting } from './tls-warm-up';
import { reportUsageError, usage, UsageError } from './usage-error';

/** What differs between `mailcheck smtp`, `imap` and `pop3`. */
export interface CheckKind<Request> {
  command: 'smtp' | 'imap' | 'pop3';
  help: Localized;
  ports: PortDefaults;
  /**
   * The saved settings this command tests, as a profile (SMTP: the profile itself; IMAP/POP3: its
   * incoming server, with the profile's login), or null when the profile holds none.
   */
  settingsOf(profile: Profile): Partial<Profile> | null;
  /** Checks flags that make no sense for this command (a test message for IMAP…). */
  checkFlags(flags: SmtpFlags): void;
  /** Throws UsageError (via the engine's own validation) when the request is not valid. */
  buildRequest(settings: SmtpSettings, auth: AuthInput | undefined): Request;
  run(
    request: Request,
    opts: { signal: AbortSignal; onEvent?: (e: ProbeEvent) => void; lookup?: RunProbeOptions['lookup'] },
  ): Promise<ProbeResult>;
  /** The profile to save: these settings merged into the previous profile (which may be required). */
  profileToSave(name: string, settings: SmtpSettings, previous: Profile | null): Profile;
  /** Whether --save stores the password in the keychain (IMAP/POP3 share the profile's password). */
  savesPassword: boolean;
}

/** What happened to the --save request, for the output. */
interface SaveOutcome {
  profile: string;
  /** The settings reached the profiles file. */
  settingsSaved: boolean;
  passwordInKeychain: boolean;
}

async function readPassword(flags: SmtpFlags, profile: Profile | null, io: CliIo): Promise<string> {
  if (flags.passwordStdin) {
    let password: string | null;
    try {
      password = await readSecretLine(io.stdin, {
        stderr: io.stderr,
        prompt: 'Password: ',
        timeoutMs: io.stdinTimeoutMs,
      });
    } catch (error) {
      if (!(error instanceof SecretInputTimedOut)) throw error;
      const s = Math.round(error.afterMs / 1000);
      throw usage(
        'password',
        `--password-stdin was given but no password arrived on standard input in time (${s} s without a line).`,
        `--password-stdin è stato indicato ma nessuna password è arrivata dall'input standard in tempo (${s} s senza una riga).`,
      );
    }
    if (password === null) {
      throw usage(
        'password',
        '--password-stdin was given but standard input held no password (first line empty or missing).',
        "--password-stdin è stato indicato ma l'input standard non conteneva una password (prima riga vuota o assente).",
      );
    }
    return password;
  }
  if (profile) {
    try {
      const saved = await (await openKeychain()).read(profile.name, 'password');
      if (saved !== null) return saved;
    } catch (error) {
      const why = describeKeychainError(error);
      throw usage(
        'password',
        `Cannot read the saved password of "${profile.name}": ${why.en} Pass it with --password-stdin instead.`,
        `Impossibile leggere la password salvata di "${profile.name}": ${why.it} Passala invece con --password-stdin.`,
      );
    }
  }
  throw usage(
    'password',
    'A password is needed for --user: pipe it in with --password-stdin (it is never accepted on the command line).',
    "Serve una password per --user: passala dall'input standard con --password-stdin (mai sulla riga di comando).",
  );
}

async function resolveAuth(
  settings: SmtpSettings,
  flags: SmtpFlags,
  profile: Profile | null,
  io: CliIo,
  lang: Lang,
): Promise<AuthInput | undefined> {
  if (flags.passwordStdin && settings.authMethod === 'none') {
    throw usage(
      'password',
      '--password-stdin needs --user (password login).',
      '--password-stdin richiede --user (accesso con password).',
    );
  }
  if (flags.passwordStdin && settings.authMethod !== 'password') {
    // Only a saved profile can get here (resolveSmtpSettings refuses the flag combinations).
    throw usage(
      'password',
      `--password-stdin needs a password login, but profile "${profile?.name ?? ''}" uses ${settings.authMethod}: add --auth password to switch.`,
      `--password-stdin richiede un accesso con password, ma il profilo "${profile?.name ?? ''}" usa ${settings.authMethod}: aggiungi --auth password per cambiare.`,
    );
  }
  if (settings.authMethod === 'none' || !settings.user) return undefined;
  if (settings.authMethod === 'password') {
    return { method: 'password', user: settings.user, password: await readPassword(flags, profile, io) };
  }
  // Loaded on demand: the OAuth client library costs start-up time every password run would pay.
  const { resolveOAuthAuth } = await import('./oauth');
  return resolveOAuthAuth(
    {
      user: settings.user,
      clientId: settings.oauth?.clientId,
      tenant: settings.tenant,
      accessTokenStdin: flags.accessTokenStdin,
      profile: flags.save ?? profile?.name,
      lang,
      env: io.env,
    },
    { stdin: io.stdin, stderr: io.stderr, stdinTimeoutMs: io.stdinTimeoutMs },
  );
}

/**
 * Saves the settings, then the password (never the password without the settings: `profiles
 * delete` could not find it). Never throws: the test already ran, and its result must be printed.
 */
async function saveProfile(
  profile: Profile,
  auth: AuthInput | undefined,
  savesPassword: boolean,
  lang: Lang,
  io: CliIo,
): Promise<SaveOutcome> {
  const outcome: SaveOutcome = { profile: profile.name, settingsSaved: false, passwordInKeychain: false };
  try {
    await (await openProfileStore(io.env)).save(profile);
    outcome.settingsSaved = true;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    io.stderr.write(
      lang === 'it'
        ? `mailcheck: profilo "${profile.name}" NON salvato (né impostazioni né password): ${why}\n`
        : `mailcheck: profile "${profile.name}" NOT saved (neither settings nor password): ${why}\n`,
    );
    return outcome;
  }
  if (auth?.method !== 'password' || !savesPassword) return outcome;
  try {
    await (await openKeychain()).save(profile.name, auth.password, 'password');
    outcome.passwordInKeychain = true;
  } catch (error) {
    const why = describeKeychainError(error)[lang];
    io.stderr.write(
      lang === 'it'
        ? `mailcheck: password NON salvata: ${why}\nmailcheck: le impostazioni (senza password) sono salvate nel profilo "${profile.name}"; la prossima volta usa --password-stdin.\n`
        : `mailcheck: password NOT saved: ${why}\nmailcheck: the settings (without the password) are saved in profile "${profile.name}"; next time pass --password-stdin.\n`,
    );
  }
  return outcome;
}

/** Ctrl-C stops the probe cleanly; a second Ctrl-C leaves at once. */
function cancelOnSigint(controller: AbortController): () => void {
  const onSigint = (): void => {
    if (controller.signal.aborted) process.exit(EXIT.cancelled);
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  return () => process.removeListener('SIGINT', onSigint);
}

function exitCodeFor(result: ProbeResult): number {
  if (result.cancelled) return EXIT.cancelled;
  const failed = !result.ok || result.steps.some((step) => step.status === 'fail');
  return failed ? EXIT.problem : EXIT.ok;
}

export async function checkCommand<Request>(
  kind: CheckKind<Request>,
  args: string[],
  io: CliIo,
): Promise<number> {
  const early = peekOutputFlags(args);
  let lang: Lang = early.lang === 'it' || early.lang === 'en' ? early.lang : langFromEnv(io.env);
  try {
    const flags = parseSmtpFlags(args, kind.command);
    lang = parseLangFlag(flags.lang, io.env);
    if (flags.help) {
      io.stdout.write(kind.help[lang]);
      return EXIT.ok;
    }
    kind.checkFlags(flags);
    if (flags.save !== undefined) {
      const problem = profileNameProblem(flags.save);
      if (problem) throw new UsageError('save', problem);
    }
    const store = flags.profile !== undefined ? await openProfileStore(io.env) : null;
    const profile = store && flags.profile !== undefined ? await store.get(flags.profile) : null;
    if (flags.profile !== undefined && !profile) {
      throw usage(
        'profile',
        `No saved profile is named "${flags.profile}" (see "mailcheck profiles list").`,
        `Nessun profilo salvato si chiama "${flags.profile}" (vedi "mailcheck profiles list").`,
      );
    }
    const controller = new AbortController();
    // --email without --host: find the server first (loaded on demand: start-up time counts).
    let discovery: import('../engine/discovery/types').DiscoveryResult | null = null;
    if (flags.email !== undefined) {
      if (kind.command !== 'smtp') {
        throw usage(
          'email',
          `--email is for "mailcheck smtp"; for ${kind.command}, give --host (see "mailcheck discover").`,
          `--email è per "mailcheck smtp"; per ${kind.command} indica --host (vedi "mailcheck discover").`,
        );
      }
      const found = await (
        await import('./smtp-discovery')
      ).applyDiscovery(flags, !!profile, io, lang, controller.signal);
      discovery = found.discovery;
      if (discovery && !discovery.smtp)
        return await (await import('./smtp-discovery')).reportNothingFound(discovery, flags.json, lang, io);
      Object.assign(flags, found.flags);
    }
    const saved = profile ? kind.settingsOf(profile) : null;
    const settings = await resolveSmtpSettings(flags, saved, kind.ports);
    // A profile the --save cannot use (IMAP/POP3 need the profile to exist) is refused before the test.
    const previousForSave =
      flags.save !== undefined
        ? await openProfileStore(io.env)
            .then((s) => s.get(flags.save!))
            .catch(() => null)
        : null;
    if (flags.save !== undefined) kind.profileToSave(flags.save, settings, previousForSave);
    const auth = await resolveAuth(settings, flags, profile, io, lang);
    const request = kind.buildRequest(settings, auth);

    // MAILCHECK_DNS_SERVERS: the probe's dns step asks those servers too.
    const lookup = io.env.MAILCHECK_DNS_SERVERS
      ? await (await import('./smtp-discovery')).envProbeLookup(io.env)
      : undefined;
    const stopListening = cancelOnSigint(controller);
    let result: ProbeResult;
    try {
      result = await kind.run(request, {
        signal: controller.signal,
        lookup,
        // With no TLS at all there is nothing to warm up.
        onEvent: settings.security === 'none' ? undefined : warmUpTlsWhileGreeting(),
      });
    } finally {
      stopListening();
    }

    let outcome: SaveOutcome | null = null;
    if (flags.save !== undefined && !result.cancelled) {
      const base = kind.profileToSave(flags.save, settings, previousForSave);
      // The last verdict belongs to the sending test; an incoming test leaves it alone.
      const toSave = kind.command === 'smtp' ? { ...base, lastResult: lastResultOf(result) } : base;
      outcome = await saveProfile(toSave, auth, kind.savesPassword, lang, io);
    } else if (store && profile && kind.command === 'smtp') {
      await recordLastResult(store, profile.name, result);
    }
    if (flags.json) {
      let json: Record<string, unknown> = resultToJson(result, lang);
      if (outcome) json = { ...json, saved: outcome };
      if (discovery)
        json = { ...json, discovery: (await import('./discover-render')).discoveryToJson(discovery) };
      io.stdout.write(asciiSafeJson(JSON.stringify(json, null, 2)) + '\n');
    } else {
      io.stdout.write(resultToText(result, lang));
      if (outcome) io.stdout.write(visibleLines(savedLine(outcome, lang)));
    }
    return exitCodeFor(result);
  } catch (error) {
    // Ctrl-C at the password (or token) prompt: the terminal is in raw mode, so it arrives as a
    // keystroke, not as SIGINT. Nothing was sent: the same exit as a cancelled test.
    if (error instanceof SecretInputCancelled) return EXIT.cancelled;
    if (!(error instanceof UsageError)) throw error;
    return reportUsageError(error, lang, early.json, io);
  }
}

function savedLine(saved: SaveOutcome, lang: Lang): string {
  if (!saved.settingsSaved) {
    return lang === 'it'
      ? `\nProfilo "${saved.profile}" NON salvato.\n`
      : `\nProfile "${saved.profile}" NOT saved.\n`;
  }
  if (lang === 'it') {
    return saved.passwordInKeychain
      ? `\nProfilo "${saved.profile}" salvato; password nel portachiavi.\n`
      : `\nProfilo "${saved.profile}" salvato senza password.\n`;
  }
  return saved.passwordInKeychain
    ? `\nProfile "${saved.profile}" saved; password in the keychain.\n`
    : `\nProfile "${saved.profile}" saved without a password.\n`;
}

function lastResultOf(result: ProbeResult): NonNullable<Profile['lastResult']> {
  return { ok: result.ok, diagnosisId: result.diagnosis?.id ?? null, at: new Date().toISOString() };
}

/** Remembers the verdict on the profile (best effort: a failure here must not hide the result). */
async function recordLastResult(store: ProfileStore, name: string, result: ProbeResult): Promise<void> {
  if (result.cancelled) return;
  try {
    const current = await store.get(name);
    if (!current) return;
    await store.save({ ...current, lastResult: lastResultOf(result) });
  } catch {
    /* the test result is what matters */
  }
}
