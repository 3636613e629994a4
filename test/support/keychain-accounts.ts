/**
 * The accounts of the Mailcheck items in the real keychain, as `secret-tool` lists them: what any
 * other program on the desktop would see. secret-tool prints the attributes on stderr and the
 * secrets on stdout; only the account names are kept, never a secret. A failure of secret-tool
 * itself throws, so that "not in the keychain" can never pass because nothing was looked at.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { KEYCHAIN_SERVICE } from '../../src/engine/credentials';

const SECRET_TOOL_TIMEOUT_MS = 10_000;

export async function keychainAccounts(): Promise<string[]> {
  const { stdout, stderr } = await promisify(execFile)(
    'secret-tool',
    ['search', '--all', 'service', KEYCHAIN_SERVICE],
    { timeout: SECRET_TOOL_TIMEOUT_MS },
  );
  return `${stdout}\n${stderr}`
    .split('\n')
    .map((line) => /^attribute\.account = (.*)$/.exec(line.trim())?.[1])
    .filter((account): account is string => account !== undefined);
}
