/**
 * Terminal safety: control characters, ESC/CSI/OSC sequences, C1 controls and bidi overrides from
 * a server reach no output raw: not the text output, not the JSON, not the reports.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runProbe } from '../../src/engine/probe';
import { formatReport } from '../../src/shared/report';
import { asciiSafeJson, visibleLines, visibleText } from '../../src/shared/visible-text';
import { ANSI, ansiInReplies } from '../fixtures/hostile';
import { runSmtpInProcess } from '../support/in-process-cli';
import { startRawServer, type RunningServer } from '../support/servers';

/** Anything a terminal or a bidi-aware view would obey instead of show (TAB and LF excepted). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

let server: RunningServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('visibleText', () => {
  it.each([
    ['\u001b[2J', '\\x1B[2J'],
    ['a\r\nb', 'a\\r\\nb'],
    ['\u009b31m', '\\x9B31m'],
    ['x\u202ey', 'x\\u202Ey'],
    ['\u2066\u2069', '\\u2066\\u2069'],
    ['\u0007\u007f\u0000', '\\x07\\x7F\\x00'],
    ['tab\tstays, è and 日本 too', 'tab\tstays, è and 日本 too'],
  ])('%j → %j', (input, shown) => {
    expect(visibleText(input)).toBe(shown);
  });

  it('visibleLines keeps line feeds only', () => {
    expect(visibleLines('a\nb\r\n\u001b')).toBe('a\nb\\r\n\\x1B');
  });

  it('asciiSafeJson keeps the same value without raw C1 or bidi', () => {
    const value = { s: `\u009b\u202e\u2066x\u007f` };
    const json = asciiSafeJson(JSON.stringify(value));
    expect(json).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('a server that sends escape sequences and bidi overrides', () => {
  const args = (port: number): string[] => [
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--security',
    'none',
    '--allow-plaintext-auth',
    '--user',
    'mario@example.it',
    '--password-stdin',
    '--timeout',
    '5000',
  ];

  it('text output shows them as escapes and no fake verdict line', async () => {
    server = await startRawServer(ansiInReplies);
    const run = await runSmtpInProcess(args(server.port), { stdin: 'Segreto-1\n' });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(RAW_CONTROL);
    expect(run.stdout).toContain('\\x1B]52;c;');
    expect(run.stdout).toContain('\\u202Eevil');
    // The reply's last line is indented under "Server reply", never a line of its own.
    expect(run.stdout.split('\n')).not.toContain('All steps passed.');
    expect(run.stdout).toContain('Problem:');
  });

  it('JSON output holds no raw control or bidi character, and parses', async () => {
    server = await startRawServer(ansiInReplies);
    const run = await runSmtpInProcess([...args(server.port), '--json'], { stdin: 'Segreto-1\n' });
    expect(run.stdout).not.toMatch(RAW_CONTROL);
    const parsed = JSON.parse(run.stdout) as { server: { greeting: string } };
    expect(parsed.server.greeting).toContain(ANSI.rtlOverride);
  });

  it('the reports show them as escapes', async () => {
    server = await startRawServer(ansiInReplies);
    const result = await runProbe({
      host: '127.0.0.1',
      port: server.port,
      security: 'none',
      allowPlaintextAuth: true,
      auth: { method: 'password', user: 'mario@example.it', password: 'Segreto-1' },
      timeoutMs: 5000,
    });
    for (const lang of ['en', 'it'] as const) {
      const report = formatReport(result, lang);
      expect(report).not.toMatch(RAW_CONTROL);
      expect(report).toContain('\\x1B[2J');
    }
  });
});
