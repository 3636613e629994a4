// Bundles the CLI (src/cli) into one CommonJS file, out/cli/index.js, for the `mailcheck` bin.
//
// Start-up time is part of the product (issue 2: the CLI process within 100 ms of the engine), so:
// - the pure-JavaScript packages every `mailcheck smtp` run needs (zod, nodemailer, env-paths) are
//   bundled: one file to read and compile instead of ~150 module look-ups, and no require() of the
//   ESM-only env-paths (which would start Node's ESM loader);
// - keytar stays external (a native module, loaded only when a command needs the keychain), and so
//   do openid-client and its ESM-only dependencies (loaded only for --auth oauth2);
// - src/cli imports each subcommand, the profile store, the keychain and OAuth on demand, so a
//   bundled module is evaluated only when its path is taken (discovery's tldts and fast-xml-parser
//   only for `discover` and `smtp --email`).
// - bin/mailcheck.js runs the bundle with a V8 code cache beside it (bin/code-cache.js); every
//   build deletes the caches of the previous bundle.
// `node scripts/build-cli.mjs` builds; test/profiles/paths.test.ts builds with CLI_BUILD_OPTIONS
// to check the bundled env-paths (types in build-cli.d.mts).
import { build } from 'esbuild';
import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHE_SUFFIX } from '../bin/code-cache.js';

/** Packages left out of the bundle, each loaded by Node from node_modules when first needed. */
export const CLI_EXTERNAL_PACKAGES = ['keytar', 'openid-client'];

export const CLI_BUILD_OPTIONS = {
  entryPoints: ['src/cli/index.ts'],
  outfile: 'out/cli/index.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: CLI_EXTERNAL_PACKAGES,
  // Less to read, parse and keep in the code cache (≈ 5 ms a run); names are kept, so messages and
  // stack traces stay readable, and the source map maps back to src/.
  minifyWhitespace: true,
  minifySyntax: true,
  // Third-party licence notices stay in the output, gathered at its end.
  legalComments: 'eof',
  sourcemap: true,
  logLevel: 'warning',
};

/** Removes the code caches of earlier builds (named `index.js.<key>.<command>.v8cache`). */
async function removeCodeCaches(outfile) {
  const names = await readdir(dirname(outfile)).catch(() => []);
  const prefix = `${basename(outfile)}.`;
  for (const name of names) {
    if (name.startsWith(prefix) && name.endsWith(CACHE_SUFFIX))
      await rm(join(dirname(outfile), name), { force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await build(CLI_BUILD_OPTIONS);
  await removeCodeCaches(CLI_BUILD_OPTIONS.outfile);
}
