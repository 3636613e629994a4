#!/usr/bin/env node
// Runs electron-vite (`preview`, `dev`…) with the Electron executable resolved by Electron's own
// resolver (scripts/electron-path.mjs), passed in ELECTRON_EXEC_PATH, which electron-vite reads.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ElectronUnavailableError, resolveElectronExecutable } from './electron-path.mjs';

let executable;
try {
  executable = resolveElectronExecutable();
} catch (error) {
  if (!(error instanceof ElectronUnavailableError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

const require = createRequire(join(process.cwd(), 'package.json'));
const cli = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
const child = spawn(process.execPath, [cli, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_EXEC_PATH: executable },
});
// Ctrl-C reaches the whole process group; electron-vite passes it on to Electron and exits.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => {});
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
