import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_BUILD_OPTIONS } from '../../scripts/build-cli.mjs';
import { cliProfilesFile } from '../../src/engine/profiles';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mailcheck-paths-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('cliProfilesFile', () => {
  it('uses MAILCHECK_CONFIG_DIR when set', () => {
    expect(cliProfilesFile({ MAILCHECK_CONFIG_DIR: '/srv/conf' })).toBe('/srv/conf/profiles.json');
  });

  it('otherwise uses the platform config folder named Mailcheck (no "-nodejs" suffix)', () => {
    const expected =
      process.platform === 'linux'
        ? join(process.env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'Mailcheck', 'profiles.json')
        : undefined;
    const path = cliProfilesFile({});
    expect(
      path.endsWith(join('Mailcheck', 'profiles.json')) || path.includes(join('Mailcheck', 'Config')),
    ).toBe(true);
    if (expected) expect(path).toBe(expected);
  });

  it('works when bundled like the CLI (esbuild, CommonJS, the ESM-only env-paths inside the bundle)', async () => {
    // The CLI's own build options (scripts/build-cli.mjs): env-paths is bundled, only keytar and
    // openid-client stay external.
    const entry = join(dir, 'entry.ts');
    await writeFile(
      entry,
      `import { cliProfilesFile } from ${JSON.stringify(join(__dirname, '../../src/engine/profiles/paths'))};\n` +
        `process.stdout.write(cliProfilesFile());\n`,
    );
    const outfile = join(__dirname, '../../node_modules/.cache/mailcheck-paths-test/cli.js');
    await build({
      ...CLI_BUILD_OPTIONS,
      entryPoints: [entry],
      outfile,
      sourcemap: false,
      logLevel: 'silent',
    });
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: join(dir, 'xdg') };
    delete env.MAILCHECK_CONFIG_DIR;
    const printed = execFileSync(process.execPath, [outfile], { env, encoding: 'utf8', timeout: 10_000 });
    if (process.platform === 'linux') expect(printed).toBe(join(dir, 'xdg', 'Mailcheck', 'profiles.json'));
    else expect(printed).toMatch(/Mailcheck/);
  });
});
