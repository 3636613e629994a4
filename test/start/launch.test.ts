/**
 * The launch path of `npm start` / `npm run dev` (scripts/electron-path.mjs, scripts/electron-vite.mjs)
 * without a real Electron binary, which cannot be downloaded on this machine:
 * - a stub executable put in place through Electron's own ELECTRON_OVERRIDE_DIST_PATH is started by
 *   `electron-vite preview` with the built app;
 * - a first launch downloads Electron from a mirror (a local HTTP server serving a zip that holds a
 *   stub) through Electron's own resolver, exactly as on a connected machine;
 * - when the download fails, one sentence and a non-zero exit, no stack trace.
 */
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO_ROOT = join(__dirname, '..', '..');
const ELECTRON_PACKAGE = join(REPO_ROOT, 'node_modules', 'electron');
const ELECTRON_VERSION = JSON.parse(await readFile(join(ELECTRON_PACKAGE, 'package.json'), 'utf8')) as {
  version: string;
};
const RUN_TIMEOUT_MS = 30_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** An environment without any Electron location the developer's shell may have set. */
function cleanEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (/^(ELECTRON_|electron_config_|npm_config_electron)/i.test(name)) delete env[name];
  }
  return { ...env, ...extra };
}

/** A shell script named `electron` that records how it was started, then exits 0. */
const STUB = `#!/bin/sh
printf '{"cwd":"%s","argv":"%s","main":"%s"}' "$PWD" "$*" "$(node -p "require('./package.json').main")" > "$STUB_RECORD"
`;

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'mailcheck-launch-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('npm start launches the built app with the Electron that Electron resolves', () => {
  it('starts the executable under ELECTRON_OVERRIDE_DIST_PATH with the built app, and exits with it', async () => {
    const dist = join(work, 'override');
    await mkdir(dist, { recursive: true });
    await writeFile(join(dist, 'electron'), STUB, { mode: 0o755 });
    const record = join(work, 'override-record.json');

    const result = await run(
      [join(REPO_ROOT, 'scripts', 'electron-vite.mjs'), 'preview', '--skipBuild'],
      REPO_ROOT,
      cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: dist, STUB_RECORD: record }),
    );

    expect(result.stderr).not.toMatch(/Electron uninstall|\n\s+at /);
    expect(result.code).toBe(0);
    const started = JSON.parse(await readFile(record, 'utf8')) as { cwd: string; argv: string; main: string };
    expect(started.argv).toBe('.');
    expect(started.cwd).toBe(REPO_ROOT);
    // `.` is the project: Electron loads package.json's main, which the build wrote.
    expect(started.main).toBe('./out/main/index.js');
    expect((await stat(join(REPO_ROOT, 'out', 'main', 'index.js'))).isFile()).toBe(true);
  });
});

/** A throwaway project whose node_modules/electron is a fresh copy of the real package (no binary). */
async function freshElectronProject(name: string): Promise<string> {
  const project = join(work, name);
  const electron = join(project, 'node_modules', 'electron');
  await mkdir(electron, { recursive: true });
  for (const file of ['index.js', 'install.js', 'package.json', 'checksums.json']) {
    await copyFile(join(ELECTRON_PACKAGE, file), join(electron, file));
  }
  // The downloader and the zip extractor are the real ones.
  await symlink(join(REPO_ROOT, 'node_modules', '@electron'), join(project, 'node_modules', '@electron'));
  await symlink(
    join(REPO_ROOT, 'node_modules', '@electron-internal'),
    join(project, 'node_modules', '@electron-internal'),
  );
  await writeFile(join(project, 'package.json'), '{"name":"launch-test","main":"main.js"}');
  return project;
}

/** A local stand-in for Electron's release downloads: what it serves, and what was asked of it. */
async function startMirror(
  files: Map<string, Buffer>,
): Promise<{ server: Server; url: string; asked: string[] }> {
  const asked: string[] = [];
  const server = createServer((request, response) => {
    asked.push(request.url ?? '');
    const body = files.get(request.url ?? '');
    response.writeHead(body ? 200 : 404).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/`, asked };
}

async function zipWithStub(): Promise<Buffer> {
  const zip = join(work, 'electron.zip');
  // Python's zipfile keeps the executable bit in the entry's external attributes.
  await promisify(execFile)('python3', [
    '-c',
    `import zipfile,sys
z = zipfile.ZipFile(sys.argv[1], 'w')
i = zipfile.ZipInfo('electron'); i.external_attr = 0o100755 << 16
z.writestr(i, sys.argv[2]); z.writestr('version', 'v' + sys.argv[3]); z.close()`,
    zip,
    STUB,
    ELECTRON_VERSION.version,
  ]);
  return readFile(zip);
}

describe('the first launch downloads Electron through its own resolver', () => {
  const zipName = `electron-v${ELECTRON_VERSION.version}-linux-x64.zip`;

  it.runIf(process.platform === 'linux' && process.arch === 'x64')(
    'downloads the binary from ELECTRON_MIRROR, then hands its path over',
    async () => {
      const zip = await zipWithStub();
      const sums = `${createHash('sha256').update(zip).digest('hex')} *${zipName}\n`;
      const mirror = await startMirror(
        new Map([
          [`/v${ELECTRON_VERSION.version}/${zipName}`, zip],
          [`/v${ELECTRON_VERSION.version}/SHASUMS256.txt`, Buffer.from(sums)],
        ]),
      );
      try {
        const project = await freshElectronProject('downloads');
        const result = await run(
          [join(REPO_ROOT, 'scripts', 'electron-path.mjs')],
          project,
          cleanEnv({
            ELECTRON_MIRROR: mirror.url,
            electron_config_cache: join(work, 'cache-ok'),
            // The stub's checksum is not in Electron's checksums.json: read SHASUMS256.txt instead.
            electron_use_remote_checksums: '1',
          }),
        );
        expect(result.stderr).toContain('Downloading Electron binary');
        expect(result.code).toBe(0);
        const executable = join(project, 'node_modules', 'electron', 'dist', 'electron');
        expect(result.stdout).toBe(`${executable}\n`);
        expect(mirror.asked).toContain(`/v${ELECTRON_VERSION.version}/${zipName}`);
        expect(await readFile(join(project, 'node_modules', 'electron', 'path.txt'), 'utf8')).toBe(
          'electron',
        );

        // The second launch finds it without asking the mirror again.
        mirror.asked.length = 0;
        const again = await run(
          [join(REPO_ROOT, 'scripts', 'electron-path.mjs')],
          project,
          cleanEnv({ ELECTRON_MIRROR: mirror.url }),
        );
        expect(again.stdout).toBe(`${executable}\n`);
        expect(mirror.asked).toEqual([]);
      } finally {
        mirror.server.close();
      }
    },
  );

  it('says in one sentence why the app cannot start when the download fails, and exits 1', async () => {
    const mirror = await startMirror(new Map());
    try {
      const project = await freshElectronProject('fails');
      const result = await run(
        [join(REPO_ROOT, 'scripts', 'electron-vite.mjs'), 'preview', '--skipBuild'],
        project,
        cleanEnv({ ELECTRON_MIRROR: mirror.url, electron_config_cache: join(work, 'cache-fail') }),
      );
      expect(result.code).toBe(1);
      // The resolver really tried the mirror.
      expect(mirror.asked.some((url) => url.endsWith(`/${zipName}`))).toBe(true);
      const lines = result.stderr.trim().split('\n');
      expect(lines.at(-1)).toMatch(
        /^Could not start the app: Electron's binary is not on this computer and could not be downloaded \(.*404.*\); .*ELECTRON_MIRROR.*ELECTRON_OVERRIDE_DIST_PATH.*node bin\/mailcheck\.js smtp --help$/,
      );
      expect(result.stderr).not.toMatch(/\n\s+at |Electron uninstall/);
      expect(result.stdout).toBe('');
    } finally {
      mirror.server.close();
    }
  });

  it('names the executable when ELECTRON_EXEC_PATH points at nothing runnable', async () => {
    const result = await run(
      [join(REPO_ROOT, 'scripts', 'electron-path.mjs')],
      REPO_ROOT,
      cleanEnv({ ELECTRON_EXEC_PATH: join(work, 'no-such-electron') }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`"${join(work, 'no-such-electron')}" does not exist or cannot be run`);
  });
});
