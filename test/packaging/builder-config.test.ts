/**
 * The electron-builder configuration, checked offline with electron-builder's own loader and
 * schema validation (app-builder-lib), plus the security decisions it carries.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
const requireFromRoot = createRequire(join(ROOT, 'package.json'));
const { getConfig, validateConfiguration } = requireFromRoot('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<BuilderConfig>;
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = requireFromRoot('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

interface BuilderConfig {
  appId: string;
  productName: string;
  files: Array<string | { filter: string[] }>;
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  directories: { buildResources: string; output: string };
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; category: string; icon: string; desktop: { entry: Record<string, string> } };
  win: { target: string[]; icon: string };
  mac: {
    target: string[];
    hardenedRuntime: boolean;
    entitlements: string;
    entitlementsInherit: string;
    icon: string;
  };
  deb: { depends: string[] };
  [key: string]: unknown;
}

async function loadConfig(): Promise<BuilderConfig> {
  return getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null);
}

/** electron-builder's `files` semantics: patterns in order, a later `!pattern` excludes. */
function isPackaged(path: string, files: BuilderConfig['files']): boolean {
  // getConfig() normalizes the list into `{ filter: [...] }` sets.
  const patterns = files.flatMap((f) => (typeof f === 'string' ? [f] : f.filter));
  let included = false;
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) {
      if (minimatch(path, pattern.slice(1), { dot: true })) included = false;
    } else if (minimatch(path, pattern, { dot: true })) {
      included = true;
    }
  }
  return included;
}

describe('electron-builder configuration', () => {
  it("passes electron-builder's own schema validation", async () => {
    const config = await loadConfig();
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // The validation is real: an unknown option is refused.
    await expect(
      validateConfiguration({ ...config, notAnOption: true }, new DebugLogger(false)),
    ).rejects.toThrow(/notAnOption/);
  });

  it('names the app and builds the agreed installers', async () => {
    const config = await loadConfig();
    expect(config.appId).toBe('app.mailcheck.desktop');
    expect(config.productName).toBe('Mailcheck');
    expect(config.directories.buildResources).toBe('build');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Network');
    expect(config.linux.desktop.entry.Categories).toMatch(/Network;.*Utility;/);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.deb.depends).toContain('libsecret-1-0');
  });

  it('packs only the built app: no sources, tests, docs or source maps; keytar unpacked and rebuilt', async () => {
    const config = await loadConfig();
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/node_modules/keytar/**');
    expect(config.npmRebuild).toBe(true);
    const included = [
      'out/main/index.js',
      'out/preload/index.js',
      'out/renderer/index.html',
      'out/renderer/assets/index-x.js',
      'resources/icon.png',
      'package.json',
    ];
    const excluded = [
      'src/main/index.ts',
      'src/renderer/src/main.tsx',
      'test/main/handlers.test.ts',
      'docs/security.md',
      'out/main/index.js.map',
      'out/cli/index.js',
      'scripts/test.sh',
      'tsconfig.json',
      'electron.vite.config.ts',
      'build/icon.svg',
      '.git/config',
    ];
    for (const path of included) expect(isPackaged(path, config.files), path).toBe(true);
    for (const path of excluded) expect(isPackaged(path, config.files), path).toBe(false);
  });

  it('sets the Electron fuses', async () => {
    const { electronFuses } = await loadConfig();
    expect(electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // Kept on for file:// module scripts: see electron-builder.yml and renderer-file-protocol.test.ts.
      grantFileProtocolExtraPrivileges: true,
    });
  });

  it('has the macOS entitlements file, with JIT only', async () => {
    const config = await loadConfig();
    expect(config.mac.entitlements).toBe('build/entitlements.mac.plist');
    const plist = readFileSync(join(ROOT, config.mac.entitlements), 'utf8');
    expect(plist).toContain('<key>com.apple.security.cs.allow-jit</key>');
    expect(plist).not.toMatch(
      /<key>[^<]*(disable-library-validation|allow-unsigned-executable-memory|allow-dyld)/,
    );
  });
});

describe('icons', () => {
  function pngSize(buffer: Buffer): { width: number; height: number } {
    expect(buffer.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
  }

  it('has a 512x512 PNG for Linux and for the window, an .ico with 256 px and an .icns', async () => {
    const config = await loadConfig();
    for (const path of [config.linux.icon, 'resources/icon.png']) {
      expect(pngSize(readFileSync(join(ROOT, path)))).toEqual({ width: 512, height: 512 });
    }
    const ico = readFileSync(join(ROOT, config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1); // icon type
    const count = ico.readUInt16LE(4);
    const widths = Array.from({ length: count }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(widths).toContain(256);
    expect(widths).toContain(16);
    const icns = readFileSync(join(ROOT, config.mac.icon));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(existsSync(join(ROOT, 'build/icon.svg'))).toBe(true);
  });
});
