#!/usr/bin/env node
// Finds the Electron executable the way Electron itself does, and prints its path.
//
// Since Electron 42 the `electron` package has no postinstall: its binary is downloaded the first
// time its own resolver runs (`require('electron')`), which also honours ELECTRON_OVERRIDE_DIST_PATH
// (an Electron already on disk) and @electron/get's ELECTRON_MIRROR / electron_config_cache.
// electron-vite does not call that resolver (it only reads node_modules/electron/path.txt), so
// `npm start` and `npm run dev` resolve here first and hand the result over in ELECTRON_EXEC_PATH.
//
// The resolver runs in a child process: its download progress is shown on stderr, its stack trace
// on failure is replaced by one sentence, and the path comes back on a pipe of its own (fd 3).
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { pathToFileURL } from 'node:url';

const RESOLVE_IN_CHILD = `
  const path = require(require.resolve('electron', { paths: [process.cwd()] }));
  require('node:fs').writeSync(3, String(path));
`;

export class ElectronUnavailableError extends Error {}

/** The Electron executable for `projectDir`, downloaded first if Electron's resolver needs to. */
export function resolveElectronExecutable(projectDir = process.cwd(), env = process.env) {
  if (env.ELECTRON_EXEC_PATH) return checkExecutable(env.ELECTRON_EXEC_PATH);
  const child = spawnSync(process.execPath, ['-e', RESOLVE_IN_CHILD], {
    cwd: projectDir,
    env,
    // stdout (download progress) goes to our stderr so that stdout stays the path alone.
    stdio: ['ignore', 2, 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1024 * 1024,
  });
  const resolved = child.output?.[3] ?? '';
  if (child.status !== 0 || !resolved) {
    throw new ElectronUnavailableError(
      `Could not start the app: Electron's binary is not on this computer and could not be downloaded` +
        ` (${firstCause(child.stderr)}); the first launch needs Electron's release downloads` +
        ` (https://github.com/electron/electron/releases, or a mirror in ELECTRON_MIRROR, or an` +
        ` unpacked Electron in ELECTRON_OVERRIDE_DIST_PATH), and the command line works without it:` +
        ` node bin/mailcheck.js smtp --help`,
    );
  }
  return checkExecutable(resolved);
}

function checkExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new ElectronUnavailableError(
      `Could not start the app: the Electron executable ${JSON.stringify(path)} does not exist or cannot be run;` +
        ` check ELECTRON_OVERRIDE_DIST_PATH / ELECTRON_EXEC_PATH, or delete node_modules/electron/path.txt` +
        ` to download it again. The command line works without it: node bin/mailcheck.js smtp --help`,
    );
  }
  return path;
}

/** The most telling short line of the resolver's error output, e.g. "fetch failed" or "HTTP 404". */
function firstCause(stderr) {
  const lines = String(stderr ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('at ') && !line.startsWith('Node.js v'));
  const cause =
    lines.find(
      (line) => /^(\w*Error|HTTPError|RequestError):/.test(line) && !/failed to install correctly/.test(line),
    ) ??
    lines[0] ??
    'no reason given';
  return cause.replace(/^\w*Error:\s*/, '').slice(0, 160);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    process.stdout.write(`${resolveElectronExecutable()}\n`);
  } catch (error) {
    if (!(error instanceof ElectronUnavailableError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  }
}
