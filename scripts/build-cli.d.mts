// Types of scripts/build-cli.mjs for the TypeScript that imports it (test/profiles/paths.test.ts).
import type { BuildOptions } from 'esbuild';

export declare const CLI_EXTERNAL_PACKAGES: string[];
export declare const CLI_BUILD_OPTIONS: BuildOptions;
