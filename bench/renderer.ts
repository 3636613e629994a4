/**
 * Renderer budget check: `npx tsx bench/renderer.ts` (after `npm run build`).
 * Prints the gzipped size of the built renderer's JavaScript against the 300 KB budget, and the
 * median first paint / first contentful paint of the built page in headless Chromium.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../test/e2e/chromium';

const RENDERER_DIR = resolve(__dirname, '../out/renderer');
const INDEX = join(RENDERER_DIR, 'index.html');
const BUDGET_GZIP_BYTES = 300 * 1024;
/** Odd, so the median is one real measurement. */
const LOADS = 7;
const LOAD_TIMEOUT_MS = 15_000;

/** A stand-in bridge so the page renders as in the app (no main process in a benchmark). */
const BRIDGE = `window.api = {
  invoke: async (channel) => channel === 'app:info' ? { version: 'bench', locale: 'en', platform: 'linux' }
    : channel === 'keychain:status' ? { available: true }
    : channel === 'profiles:list' ? { profiles: [] } : null,
  on: () => () => {},
};`;

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return jsFiles(path);
    return e.name.endsWith('.js') ? [path] : [];
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function main(): Promise<void> {
  if (!existsSync(INDEX)) throw new Error(`${INDEX} is missing: run \`npm run build\` first.`);
  const files = jsFiles(RENDERER_DIR);
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `renderer JS: ${files.length} file(s), ${kb(raw)} raw, ${kb(gzip)} gzipped (budget ${kb(BUDGET_GZIP_BYTES)})`,
  );
  console.log(gzip <= BUDGET_GZIP_BYTES ? 'bundle budget: OK' : 'bundle budget: OVER');

  const browser = await launchChromium();
  const fp: number[] = [];
  const fcp: number[] = [];
  try {
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext({ viewport: { width: 1100, height: 820 } });
      const page = await context.newPage();
      await page.addInitScript({ content: BRIDGE });
      await page.goto(pathToFileURL(INDEX).href, { timeout: LOAD_TIMEOUT_MS });
      await page.getByTestId('account-screen').waitFor({ timeout: LOAD_TIMEOUT_MS });
      // Paint timings are recorded asynchronously: wait until FCP has been reported.
      // A function, not a string: the window's CSP (no 'unsafe-eval') refuses a string predicate.
      await page.waitForFunction(
        () => performance.getEntriesByName('first-contentful-paint').length > 0,
        undefined,
        { timeout: LOAD_TIMEOUT_MS },
      );
      // A string expression: this file is type-checked without the DOM library.
      const paints = JSON.parse(
        await page.evaluate<string>(
          'JSON.stringify(Object.fromEntries(performance.getEntriesByType("paint").map((e) => [e.name, e.startTime])))',
        ),
      ) as Record<string, number>;
      if (typeof paints['first-paint'] === 'number') fp.push(paints['first-paint']);
      if (typeof paints['first-contentful-paint'] === 'number') fcp.push(paints['first-contentful-paint']);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  console.log(`first paint: median ${median(fp).toFixed(0)} ms over ${fp.length} loads`);
  console.log(`first contentful paint: median ${median(fcp).toFixed(0)} ms over ${fcp.length} loads`);
  if (gzip > BUDGET_GZIP_BYTES) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
