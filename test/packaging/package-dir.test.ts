/**
 * Packages the app for real with electron-builder (`--dir`, Linux) and inspects app.asar. The Electron
 * binary cannot be downloaded here, so a stub stands in for it (electronDist); for the same reason
 * fuses (they patch the real binary) and the keytar rebuild (Electron headers) are left out of this
 * run. Everything else is the real configuration from electron-builder.yml.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const execFileAsync = promisify(execFile);
const ROOT = join(__dirname, '../..');
const PACKAGE_TIMEOUT_MS = 120_000;
const requireFromRoot = createRequire(join(ROOT, 'package.json'));
const { getConfig } = requireFromRoot('app-builder-lib/out/util/config/config') as {
  getConfig(
    projectDir: string,
    configPath: string | null,
    configFromOptions: null,
  ): Promise<Record<string, unknown>>;
};
const asar = requireFromRoot('@electron/asar') as { listPackage(path: string): string[] };
const ELECTRON_VERSION = (requireFromRoot('electron/package.json') as { version: string }).version;

let work: string | undefined;
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('electron-builder --dir', () => {
  it(
    'packs the built app, production dependencies and an unpacked keytar, and nothing else',
    async () => {
      for (const built of ['out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html']) {
        expect(existsSync(join(ROOT, built)), `${built} missing: run npm run build first`).toBe(true);
      }
      work = await mkdtemp(join(tmpdir(), 'mailcheck-pack-'));
      const stub = join(work, 'electron-stub');
      await mkdir(join(stub, 'resources'), { recursive: true });
      await writeFile(join(stub, 'electron'), '#!/bin/sh\nexit 0\n');
      await chmod(join(stub, 'electron'), 0o755);
      await writeFile(join(stub, 'version'), `v${ELECTRON_VERSION}`);

      const config = await getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null);
      delete config.electronFuses; // the stub has no fuse wire to flip
      const configFile = join(work, 'builder.json');
      await writeFile(
        configFile,
        JSON.stringify({
          ...config,
          electronDist: stub,
          npmRebuild: false,
          directories: { ...(config.directories as object), output: join(work, 'dist') },
        }),
      );
      await execFileAsync(
        process.execPath,
        [
          requireFromRoot.resolve('electron-builder/cli.js'),
          '--dir',
          '--linux',
          '--x64',
          '--config',
          configFile,
        ],
        { cwd: ROOT, timeout: PACKAGE_TIMEOUT_MS, maxBuffer: 10 * 1024 * 1024 },
      );

      const appDir = join(work, 'dist', 'linux-unpacked');
      const files = asar.listPackage(join(appDir, 'resources', 'app.asar'));
      for (const path of [
        '/package.json',
        '/out/main/index.js',
        '/out/preload/index.js',
        '/out/renderer/index.html',
        '/resources/icon.png',
        '/node_modules/nodemailer',
        '/node_modules/zod',
        '/node_modules/env-paths',
        '/node_modules/openid-client',
        '/node_modules/keytar',
      ]) {
        expect(files, path).toContain(path);
      }
      const own = files.filter((f) => !f.startsWith('/node_modules/'));
      expect(own.filter((f) => /^\/(src|test|docs|scripts|bench|build|out\/cli)(\/|$)/.test(f))).toEqual([]);
      expect(own.filter((f) => /\.(ts|tsx|map)$/.test(f))).toEqual([]);
      // Dev-only packages stay out.
      expect(files).not.toContain('/node_modules/electron');
      expect(files).not.toContain('/node_modules/vitest');
      // keytar's native binary sits outside the archive, where it can be loaded.
      expect(
        existsSync(join(appDir, 'resources/app.asar.unpacked/node_modules/keytar/build/Release/keytar.node')),
      ).toBe(true);
      expect(existsSync(join(appDir, 'mailcheck'))).toBe(true);
    },
    PACKAGE_TIMEOUT_MS,
  );
});
