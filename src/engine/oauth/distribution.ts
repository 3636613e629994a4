/**
 * The Microsoft app registration (client id) a copy of Mailcheck signs in with is a DISTRIBUTION
 * setting, never something the person testing their mail has to find: whoever builds or installs
 * Mailcheck provides it. In order of precedence:
 *
 * 1. a configuration file an administrator places (`{ "clientId": "…" }`, path per OS below);
 * 2. the id baked in at build time (`MAILCHECK_MS_CLIENT_ID` set when running `npm run dist`);
 * 3. `MAILCHECK_MS_CLIENT_ID` in the environment at run time (development, the CLI).
 *
 * A client id is not a secret (Mailcheck is a public client), so it may travel to the window.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENT_ID_ENV } from './config';

export const DISTRIBUTION_CONFIG_NAME = 'oauth.json';

/** Where an administrator places the configuration file, per OS. */
export function distributionConfigPath(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (platform === 'win32') {
    return join(env['ProgramData'] ?? 'C:\\ProgramData', 'Mailcheck', DISTRIBUTION_CONFIG_NAME);
  }
  if (platform === 'darwin') return join('/Library/Application Support/Mailcheck', DISTRIBUTION_CONFIG_NAME);
  return join('/etc/mailcheck', DISTRIBUTION_CONFIG_NAME);
}

/** An Entra application (client) id is a GUID; anything else is a mistake, not a setting. */
const CLIENT_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isClientId(value: unknown): value is string {
  return typeof value === 'string' && CLIENT_ID_PATTERN.test(value.trim());
}

export interface DistributionClientId {
  clientId: string;
  source: 'file' | 'build' | 'env';
}

/**
 * The client id this copy of Mailcheck signs in with, or null when none is configured. A file that
 * exists but cannot be used is reported through `onProblem` (logged by main) and skipped.
 */
export function distributionClientId(opts: {
  bakedIn?: string;
  file?: string;
  env?: NodeJS.ProcessEnv;
  read?: (path: string) => string;
  onProblem?: (message: string) => void;
}): DistributionClientId | null {
  const env = opts.env ?? process.env;
  const file = opts.file ?? distributionConfigPath(process.platform, env);
  const read = opts.read ?? ((path: string) => readFileSync(path, 'utf8'));
  let text: string | null = null;
  try {
    text = read(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      opts.onProblem?.(`${file} cannot be read; ignoring it.`);
    }
  }
  if (text !== null) {
    let clientId: unknown;
    try {
      clientId = (JSON.parse(text) as { clientId?: unknown }).clientId;
    } catch {
      clientId = undefined;
    }
    if (isClientId(clientId)) return { clientId: clientId.trim(), source: 'file' };
    opts.onProblem?.(`${file} has no valid "clientId" (a GUID); ignoring it.`);
  }
  if (isClientId(opts.bakedIn)) return { clientId: opts.bakedIn.trim(), source: 'build' };
  const fromEnv = env[CLIENT_ID_ENV];
  if (isClientId(fromEnv)) return { clientId: fromEnv.trim(), source: 'env' };
  return null;
}
