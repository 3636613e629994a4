/// <reference types="node" />
/**
 * The focus ring and the field borders must stand out from what they sit on by at least 3:1
 * (WCAG 2.2, 1.4.11 non-text contrast), in the light and the dark theme. Computed from the
 * stylesheet's own custom properties, so a colour change that breaks it fails here.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(resolve(__dirname, '../../src/renderer/src/styles.css'), 'utf8');

function vars(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})/g)].map((m) => [m[1], m[2]]));
}

const light = vars(css.slice(css.indexOf(':root {'), css.indexOf('}', css.indexOf(':root {'))));
const darkStart = css.indexOf('@media (prefers-color-scheme: dark)');
const dark = { ...light, ...vars(css.slice(darkStart, css.indexOf('}', css.indexOf(':root {', darkStart)))) };

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe.each([
  ['light', light],
  ['dark', dark],
] as const)('the %s theme', (_name, theme) => {
  it('has a focus ring and field borders of at least 3:1 on the window, the cards and code boxes', () => {
    for (const fg of ['focus', 'field-border']) {
      for (const bg of ['bg', 'surface', 'code-bg']) {
        expect(theme[fg], fg).toMatch(/^#/);
        expect(contrast(theme[fg]!, theme[bg]!), `${fg} on ${bg}`).toBeGreaterThanOrEqual(3);
      }
    }
  });
});

it('fields use the contrasting border, and the focus ring the focus colour', () => {
  expect(css).toMatch(/input,\s*select\s*\{[^}]*border: 1px solid var\(--field-border\)/);
  expect(css).toMatch(/:focus-visible\s*\{[^}]*outline: 3px solid var\(--focus\)/);
});
