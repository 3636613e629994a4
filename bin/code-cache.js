'use strict';
/**
 * Loads the bundled CLI (a CommonJS file) with a V8 code cache beside it, so that later runs skip
 * parsing and compiling its ~0.8 MB again (≈ 15–20 ms of every run on the benchmark machine: the
 * CLI must start within 100 ms of the engine). This is what Node ≥ 22.1 does by itself with
 * module.enableCompileCache(); on Node 20 it is done here, the way the v8-compile-cache package does.
 *
 * Safety:
 * - The cache lives beside the bundle (out/cli/), never in a shared temp folder: only someone who
 *   can already change the CLI's code can change its cache.
 * - Its name carries the Node version, the architecture and the bundle's size and mtime: V8 itself
 *   rejects a cache made by another V8 version or with other flags, but of the source it checks
 *   only the length, so the name is what ties a cache to one build. A rejected or missing cache
 *   is rebuilt after the run. scripts/build-cli.mjs deletes old caches on every build.
 * - V8 caches only the functions a run compiled, so each command has its own cache, and those of
 *   `smtp`, `imap` and `pop3` are written only after a run that reached the server (exit 0 or 1,
 *   not --help): a usage error or the help compiles too little to be worth keeping.
 * - Any problem with the cache (read-only folder, race with another run) only costs speed:
 *   the bundle then runs exactly as `require()` would run it.
 * - Code caches hold compiled code, never data: no password or token can end up in one.
 */
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const CACHE_SUFFIX = '.v8cache';

const COMMANDS_WITH_OWN_CACHE = ['smtp', 'imap', 'pop3', 'profiles'];
/** The commands that test a server: their cache is kept only after a run that reached it. */
const TEST_COMMANDS = ['smtp', 'imap', 'pop3'];
/** Exit codes after which a test run has compiled the whole test path (see src/cli/exit-codes.ts). */
const SMTP_EXITS_WORTH_CACHING = [0, 1];
/** `smtp --help` exits 0 too, but compiles only the help: its cache would stay that poor until the next build. */
const HELP_FLAGS = ['--help', '-h'];

function cacheFileFor(file, stat, command) {
  const key = `${process.version}-${process.arch}-${stat.size}-${Math.trunc(stat.mtimeMs)}`;
  return `${file}.${key}.${command}${CACHE_SUFFIX}`;
}

function readCache(cacheFile) {
  try {
    return fs.readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

/** Written once, at exit, after the run compiled the functions it used; atomic (temp + rename). */
function writeCacheAtExit(script, cacheFile, worthKeeping) {
  process.once('exit', (code) => {
    if (!worthKeeping(code)) return;
    const temp = `${cacheFile}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(temp, script.createCachedData(), { mode: 0o644 });
      fs.renameSync(temp, cacheFile);
    } catch {
      try {
        fs.unlinkSync(temp);
      } catch {
        /* nothing was written */
      }
    }
  });
}

/** Runs `file` as the CommonJS module it is, using (and refreshing) its code cache. */
function loadWithCodeCache(file, argv) {
  if (process.env.MAILCHECK_NO_CODE_CACHE) return require(file);
  const command = COMMANDS_WITH_OWN_CACHE.includes(argv[0]) ? argv[0] : 'other';
  const worthKeeping = (code) =>
    !TEST_COMMANDS.includes(command) ||
    (SMTP_EXITS_WORTH_CACHING.includes(code) && !argv.some((arg) => HELP_FLAGS.includes(arg)));
  const source = fs.readFileSync(file, 'utf8');
  const cacheFile = cacheFileFor(file, fs.statSync(file), command);
  const cachedData = readCache(cacheFile);
  // The same function wrapper Node puts around every CommonJS file.
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
  const script = new vm.Script(wrapped, { filename: file, cachedData });
  if (cachedData === undefined || script.cachedDataRejected)
    writeCacheAtExit(script, cacheFile, worthKeeping);

  const mod = new Module(file, module);
  mod.filename = file;
  const run = script.runInThisContext({ displayErrors: true });
  run.call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  return mod.exports;
}

module.exports = { loadWithCodeCache, CACHE_SUFFIX };
