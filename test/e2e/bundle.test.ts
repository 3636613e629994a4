/**
 * Checks on the BUILT renderer (out/renderer, from `npm run build`): the JavaScript stays within
 * its budget, and the page loads nothing inline (the CSP forbids inline scripts and styles).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp';
import { assertRendererBuilt, RENDERER_INDEX } from './harness';

const BUDGET_GZIP_BYTES = 300 * 1024;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

describe('built renderer', () => {
  it('ships under 300 KB of gzipped JavaScript', () => {
    assertRendererBuilt();
    const js = files(dirname(RENDERER_INDEX)).filter((f) => f.endsWith('.js'));
    expect(js.length).toBeGreaterThan(0);
    const gzipped = js.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0);
    expect(gzipped).toBeLessThan(BUDGET_GZIP_BYTES);
  });

  it('has no inline script or style, and keeps the shared CSP in its meta tag', () => {
    assertRendererBuilt();
    const html = readFileSync(RENDERER_INDEX, 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style[\s>]/);
    expect(html).not.toMatch(/\sstyle=/);
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
  });
});
