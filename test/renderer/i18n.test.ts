/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { format, MESSAGES } from '../../src/renderer/src/i18n/messages';

const RENDERER_DIR = resolve(__dirname, '../../src/renderer/src');

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

/** Attributes people read or hear: a literal there is a hard-coded UI string. */
const TEXT_ATTRIBUTES = new Set(['aria-label', 'title', 'alt', 'placeholder', 'aria-description']);
/** Text with a letter in any script: punctuation such as ":" between values is not a UI string. */
const HAS_LETTER = /\p{L}/u;

function hardCodedTexts(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && HAS_LETTER.test(node.text)) found.push(node.text.trim());
    if (
      ts.isJsxAttribute(node) &&
      TEXT_ATTRIBUTES.has(node.name.getText()) &&
      node.initializer &&
      ts.isStringLiteral(node.initializer) &&
      HAS_LETTER.test(node.initializer.text)
    ) {
      found.push(`${node.name.getText()}="${node.initializer.text}"`);
    }
    // {'text'} inside JSX is a literal too.
    if (
      ts.isJsxExpression(node) &&
      node.expression &&
      (ts.isStringLiteral(node.expression) || ts.isNoSubstitutionTemplateLiteral(node.expression)) &&
      HAS_LETTER.test(node.expression.text)
    ) {
      found.push(node.expression.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI messages', () => {
  it('every key exists in English and Italian, non-empty, with the same placeholders', () => {
    const enKeys = Object.keys(MESSAGES.en).sort();
    expect(Object.keys(MESSAGES.it).sort()).toEqual(enKeys);
    for (const key of enKeys as (keyof typeof MESSAGES.en)[]) {
      expect(MESSAGES.en[key].trim(), key).not.toBe('');
      expect(MESSAGES.it[key].trim(), key).not.toBe('');
      expect(placeholders(MESSAGES.it[key]), key).toEqual(placeholders(MESSAGES.en[key]));
    }
  });

  it('Italian is a translation, not a copy (except names and technical words)', () => {
    const same = (Object.keys(MESSAGES.en) as (keyof typeof MESSAGES.en)[]).filter(
      (k) => MESSAGES.en[k] === MESSAGES.it[k],
    );
    expect(same.length).toBeLessThan(Object.keys(MESSAGES.en).length / 6);
  });

  it('format fills placeholders and leaves unknown ones visible', () => {
    expect(format('Testing {host}:{port}', { host: 'h', port: 587 })).toBe('Testing h:587');
    expect(format('{missing}', {})).toBe('{missing}');
  });

  it('no component has a hard-coded text: every string comes from the messages table', () => {
    const files = tsxFiles(RENDERER_DIR);
    expect(files.length).toBeGreaterThan(8);
    const offenders = files.flatMap((f) =>
      hardCodedTexts(f).map((text) => `${f.slice(RENDERER_DIR.length)}: ${text}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the scanner does catch a literal (so the test above can fail)', () => {
    const sample = 'export const X = () => <p aria-label="Close">Hello {"world"}: {1}</p>;';
    expect(hardCodedTexts('sample.tsx', sample).sort()).toEqual(['Hello', 'aria-label="Close"', 'world']);
  });
});
