/**
 * The saved profiles: ONE JSON file `{ "format": 1, "profiles": [...] }` holding non-secret settings
 * (passwords and tokens live in the OS keychain only, see src/engine/credentials).
 *
 * - Every write replaces the file atomically (writeFileAtomic), so a crash never leaves half a file.
 * - Operations on one file are queued, so concurrent saves in this process never lose each other's
 *   profile (each one reads the result of the previous one).
 * - A file that cannot be trusted (not JSON, wrong shape, a newer format, invalid entries) is never
 *   silently overwritten: it is moved or copied aside as `profiles.json.corrupt-<timestamp>` and
 *   list() returns a warning saying where.
 */
import { copyFile, constants as fsConstants, readFile, rename, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Profile } from '../../shared/profile-types';
import { removeStaleTempFiles, writeFileAtomic } from './atomic-write';
import { PROFILES_FORMAT, profilesFileSchema, storedProfileSchema } from './schema';
import { profileNameProblem } from './name';

export class ProfileNameError extends Error {
  readonly code = 'INVALID_PROFILE_NAME';
  constructor(
    message: string,
    readonly messageIt: string,
  ) {
    super(message);
    this.name = 'ProfileNameError';
  }
}

/** A warning for people, in English and Italian (the CLI and the window pick the user's language). */
export interface ProfilesWarning {
  en: string;
  it: string;
}

interface LoadedFile {
  profiles: Profile[];
}

/** Per-file state shared by every ProfileStore of this process on the same path. */
interface FileState {
  queue: Promise<unknown>;
  /** A warning not yet shown by list(): kept until someone lists. */
  pendingWarning?: ProfilesWarning;
  staleTempsChecked: boolean;
}
const fileStates = new Map<string, FileState>();

function stateFor(filePath: string): FileState {
  let state = fileStates.get(filePath);
  if (!state) {
    state = { queue: Promise.resolve(), staleTempsChecked: false };
    fileStates.set(filePath, state);
  }
  return state;
}

function timestamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

export class ProfileStore {
  private readonly filePath: string;
  private readonly state: FileState;

  constructor(filePath: string) {
    this.filePath = resolve(filePath);
    this.state = stateFor(this.filePath);
  }

  /** The profiles, and (once) why the file had to be set aside: `warning` in English, `warningIt` in Italian. */
  async list(): Promise<{ profiles: Profile[]; warning?: string; warningIt?: string }> {
    return this.enqueue(async () => {
      const { profiles } = await this.load();
      const warning = this.state.pendingWarning;
      this.state.pendingWarning = undefined;
      return warning ? { profiles, warning: warning.en, warningIt: warning.it } : { profiles };
    });
  }

  async get(name: string): Promise<Profile | null> {
    return this.enqueue(async () => (await this.load()).profiles.find((p) => p.name === name) ?? null);
  }

  /** Adds the profile, or replaces the one with the same name. */
  async save(profile: Profile): Promise<void> {
    const problem = profileNameProblem(profile.name);
    if (problem) throw new ProfileNameError(problem.en, problem.it);
    const checked = storedProfileSchema.parse(profile);
    await this.enqueue(async () => {
      const { profiles } = await this.load();
      const index = profiles.findIndex((p) => p.name === checked.name);
      if (index >= 0) profiles[index] = checked;
      else profiles.push(checked);
      await this.write(profiles);
    });
  }

  /** True when a profile of that name existed. */
  async delete(name: string): Promise<boolean> {
    return this.enqueue(async () => {
      const { profiles } = await this.load();
      const kept = profiles.filter((p) => p.name !== name);
      if (kept.length === profiles.length) return false;
      await this.write(kept);
      return true;
    });
  }

  private enqueue<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.state.queue.then(operation);
    // The queue goes on after a failed operation; the caller still sees the failure.
    this.state.queue = result.catch(() => undefined);
    return result;
  }

  private async write(profiles: Profile[]): Promise<void> {
    const body = JSON.stringify({ format: PROFILES_FORMAT, profiles }, null, 2) + '\n';
    await writeFileAtomic(this.filePath, body);
  }

  private async load(): Promise<LoadedFile> {
    if (!this.state.staleTempsChecked) {
      this.state.staleTempsChecked = true;
      await removeStaleTempFiles(this.filePath);
    }
    let text: string;
    try {
      text = await readFile(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { profiles: [] };
      throw error;
    }

    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return this.moveAside({ en: 'it is not valid JSON', it: 'non è un JSON valido' });
    }
    const envelope = profilesFileSchema.safeParse(json);
    if (!envelope.success) {
      return this.moveAside({
        en: 'it does not have the expected structure',
        it: 'non ha la struttura prevista',
      });
    }
    if (envelope.data.format > PROFILES_FORMAT) {
      return this.moveAside({
        en: `it was written by a newer version of Mailcheck (format ${envelope.data.format}, this version reads format ${PROFILES_FORMAT})`,
        it: `è stato scritto da una versione più recente di Mailcheck (formato ${envelope.data.format}, questa versione legge il formato ${PROFILES_FORMAT})`,
      });
    }

    const profiles: Profile[] = [];
    const names = new Set<string>();
    let dropped = 0;
    for (const entry of envelope.data.profiles) {
      const parsed = storedProfileSchema.safeParse(entry);
      if (parsed.success && !names.has(parsed.data.name)) {
        names.add(parsed.data.name);
        profiles.push(parsed.data);
      } else {
        dropped++;
      }
    }
    if (dropped > 0) {
      // Keep the readable profiles working, and keep the original, untouched, beside them.
      const backup = await this.asidePath();
      await copyFile(this.filePath, backup, fsConstants.COPYFILE_EXCL);
      await this.write(profiles);
      return this.warn(
        {
          en: `${dropped} saved profile(s) in ${this.filePath} were invalid or duplicated and were left out; the original file was kept as ${backup}.`,
          it: `${dropped} profili salvati in ${this.filePath} non erano validi o erano doppi e sono stati esclusi; il file originale è stato conservato come ${backup}.`,
        },
        profiles,
      );
    }
    return { profiles };
  }

  private async moveAside(why: ProfilesWarning): Promise<LoadedFile> {
    const backup = await this.asidePath();
    await rename(this.filePath, backup);
    return this.warn(
      {
        en: `The saved profiles could not be read because ${why.en}. The file was moved to ${backup} and Mailcheck started with no profiles.`,
        it: `Non è stato possibile leggere i profili salvati perché il file ${why.it}. Il file è stato spostato in ${backup} e Mailcheck è partito senza profili.`,
      },
      [],
    );
  }

  private warn(warning: ProfilesWarning, profiles: Profile[]): LoadedFile {
    const pending = this.state.pendingWarning;
    this.state.pendingWarning = pending
      ? { en: `${pending.en}\n${warning.en}`, it: `${pending.it}\n${warning.it}` }
      : warning;
    return { profiles };
  }

  private async asidePath(): Promise<string> {
    const base = `${this.filePath}.corrupt-${timestamp()}`;
    let candidate = base;
    for (let n = 1; await exists(candidate); n++) candidate = `${base}-${n}`;
    return candidate;
  }
}
