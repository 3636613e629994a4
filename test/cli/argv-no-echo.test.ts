/**
 * A command-line problem is said by position and kind, never by value: a password typed as a stray
 * argument must not come back on stderr or in the JSON (issue 9). In-process (the same smtpCommand
 * and profilesCommand the binary runs): nothing here needs a server.
 */
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { profilesCommand } from '../../src/cli/profiles-command';
import type { CliIo } from '../../src/cli/cli-io';
import { runSmtpInProcess } from '../support/in-process-cli';

const SECRET = 'S3cret!pw';
const BASE = ['--host', '127.0.0.1', '--port', '2525', '--user', 'mario@example.it'];

describe('mailcheck smtp: unexpected arguments', () => {
  it.each([
    ['a stray value', [...BASE, '--password-stdin', SECRET], 8, /value without an option/],
    ['an unknown option', [...BASE, `--${SECRET}`], 7, /unknown option/],
    ['an unknown short option', [...BASE, `-${SECRET}`], 7, /unknown option/],
    ['a value given to a boolean option', [...BASE, `--json=${SECRET}`], 7, /takes none/],
    ['a string option without its value', [...BASE, '--timeout'], 7, /needs a value/],
    ['a stray value after --', [...BASE, '--', SECRET], 8, /value without an option/],
  ])('%s: exit 2, said by position, never echoed', async (_name, args, position, kind) => {
    for (const json of [false, true]) {
      const run = await runSmtpInProcess(json ? [...args, '--json'] : args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`Argument ${position}\\b`));
      expect(run.stderr).toMatch(kind);
      expect(run.stderr + run.stdout).not.toContain(SECRET);
      if (json) expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, error: { kind: 'usage' } });
    }
  });

  it('in Italian too', async () => {
    const run = await runSmtpInProcess([...BASE, SECRET, '--lang', 'it']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/L'argomento 7 è un valore senza opzione/);
    expect(run.stderr).not.toContain(SECRET);
  });
});

describe('mailcheck profiles: unexpected arguments', () => {
  it.each([
    [['list', `--${SECRET}`], 2],
    [['show', 'x', `--json=${SECRET}`], 3],
  ])('%j: exit 2, never echoed', async (args, position) => {
    let stderr = '';
    let stdout = '';
    const sink = (add: (s: string) => void) =>
      new Writable({
        write(chunk: Buffer, _e, cb) {
          add(chunk.toString());
          cb();
        },
      });
    const io: CliIo = {
      stdin: Readable.from([]),
      stdout: sink((s) => (stdout += s)),
      stderr: sink((s) => (stderr += s)),
      env: { LANG: 'C.UTF-8', XDG_CONFIG_HOME: '/nonexistent-mailcheck-test' },
    };
    expect(await profilesCommand(args, io)).toBe(2);
    expect(stderr).toMatch(new RegExp(`Argument ${position}\\b`));
    expect(stderr + stdout).not.toContain(SECRET);
  });
});
