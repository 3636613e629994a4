/**
 * The CLI's profiles file, opened on first use only: the store brings zod schemas and env-paths,
 * which a plain `mailcheck smtp --host …` run (no --save, no --profile) does not need at start-up.
 */
import type { ProfileStore } from '../engine/profiles/store';

export async function openProfileStore(env: NodeJS.ProcessEnv): Promise<ProfileStore> {
  const { ProfileStore: Store, cliProfilesFile } = await import('../engine/profiles');
  return new Store(cliProfilesFile(env));
}
