import { join } from 'node:path';
import envPaths from 'env-paths';

export const PROFILES_FILE_NAME = 'profiles.json';
/** Overrides the CLI's configuration folder (tests, portable setups). */
export const CONFIG_DIR_ENV = 'MAILCHECK_CONFIG_DIR';

/**
 * The CLI's profiles file: the platform's configuration folder (~/.config/Mailcheck on Linux,
 * %APPDATA%\Mailcheck\Config on Windows, ~/Library/Preferences/Mailcheck on macOS), or
 * $MAILCHECK_CONFIG_DIR. The desktop app uses Electron's userData folder instead.
 */
export function cliProfilesFile(env: NodeJS.ProcessEnv = process.env): string {
  const override = env[CONFIG_DIR_ENV];
  if (override) return join(override, PROFILES_FILE_NAME);
  return join(envPaths('Mailcheck', { suffix: '' }).config, PROFILES_FILE_NAME);
}
