/**
 * The accounts of the Mailcheck items in the real keychain, as `secret-tool` lists them (it prints
 * the attributes on stderr and the secrets on stdout: only the account names are kept). An empty
 * keychain (secret-tool then exits non-zero) gives an empty list.
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
  ).catch((e: { stdout?: string; stderr?: string }) => ({ stdout: e.stdout ?? '', stderr: e.stderr ?? '' }));
  return `${stdout}\n${stderr}`
    .split('\n')
    .map((line) => /^attribute\.account = (.*)$/.exec(line)?.[1])
    .filter((a): a is string => a !== undefined);
}
