// Bundles the CLI (src/cli) into one CommonJS file for the `mailcheck` bin. npm packages stay
// external (they are installed beside it); only the project's own TypeScript is bundled, so the
// CLI starts in a few tens of milliseconds instead of paying for a TypeScript loader.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/index.ts'],
  outfile: 'out/cli/index.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
