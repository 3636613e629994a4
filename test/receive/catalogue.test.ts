/** The receiving side's diagnoses: every rule leads to an entry, every entry is reachable, every text fits IMAP/POP3. */
import { describe, expect, it } from 'vitest';
import { IMAP_RULES } from '../../src/engine/imap';
import { POP3_RULES } from '../../src/engine/pop3';
import { NETWORK_RULES } from '../../src/engine/runner/classify';
import {
  RECEIVE_DIAGNOSES,
  RECEIVE_VARIANTS,
  getDiagnosis,
  placeholdersOf,
  renderDiagnosis,
  DIAGNOSIS_PARAMS,
} from '../../src/shared/diagnoses';
import { LANGS } from '../../src/shared/probe-types';

const ALL_RULES = [...IMAP_RULES, ...POP3_RULES, ...NETWORK_RULES];
/** Entries the runner picks itself rather than through a rule. */
const CHOSEN_BY_RUNNER = [
  'auth.plaintext-refused',
  'auth.starttls-required',
  'auth.method-unsupported',
  'auth.token-unavailable',
];

const ref = (id: string, protocol: string, host: string) => ({
  id,
  step: getDiagnosis(id)?.step ?? ('auth' as const),
  reply: 'NO x',
  params: { host, port: '993', security: 'tls', user: 'a@example.it', mechanisms: 'PLAIN', protocol },
});

describe('receive diagnoses', () => {
  it('every IMAP, POP3 and network rule points at a catalogue entry', () => {
    for (const rule of ALL_RULES) expect(getDiagnosis(rule.id), rule.id).toBeDefined();
  });

  it('every receive entry is reachable by a rule', () => {
    for (const entry of RECEIVE_DIAGNOSES) {
      expect(ALL_RULES.some((r) => r.id === entry.id) || CHOSEN_BY_RUNNER.includes(entry.id), entry.id).toBe(
        true,
      );
    }
    for (const id of CHOSEN_BY_RUNNER) expect(getDiagnosis(id), id).toBeDefined();
  });

  it('variants exist only for catalogue ids, are translated and use known placeholders', () => {
    for (const [id, variant] of Object.entries(RECEIVE_VARIANTS)) {
      expect(getDiagnosis(id), id).toBeDefined();
      expect(variant.title.it).not.toBe(variant.title.en);
      expect(variant.explanation.it).not.toBe(variant.explanation.en);
      const texts = LANGS.flatMap((l) => [
        variant.title[l],
        variant.explanation[l],
        ...variant.advice.map((a) => a[l]),
      ]);
      for (const name of texts.flatMap(placeholdersOf))
        expect(DIAGNOSIS_PARAMS as readonly string[]).toContain(name);
    }
  });

  it.each(['IMAP', 'POP3'])('%s: shared ids speak of receiving, with the protocol named', (protocol) => {
    const r = renderDiagnosis(ref('net.refused', protocol, 'mail.example.it'), 'en');
    expect(r.explanation).toContain(`${protocol} connections`);
    expect(r.advice.join('\n')).toMatch(/993.*143.*995.*110/);
    expect(JSON.stringify(r)).not.toMatch(/587|465|smtp/i);
    expect(r.guide).toBeNull();
    // An SMTP ref of the same id keeps the SMTP words.
    const smtp = renderDiagnosis(
      { ...ref('net.refused', protocol, 'mail.example.it'), params: { host: 'x', port: '587' } },
      'en',
    );
    expect(smtp.advice.join('\n')).toMatch(/587/);
  });

  it('Microsoft hosts get outlook.office365.com, other hosts no Microsoft at all', () => {
    for (const id of Object.keys(RECEIVE_VARIANTS).filter(
      (id) => id !== 'auth.basic-disabled' && id !== 'oauth.token-rejected',
    )) {
      for (const lang of LANGS) {
        const other = renderDiagnosis(ref(id, 'IMAP', 'imap.example.it'), lang);
        expect(JSON.stringify(other), id).not.toMatch(/outlook|hotmail|microsoft|office ?365/i);
        expect(other.advice.length, id).toBeGreaterThanOrEqual(2);
      }
    }
    const ms = renderDiagnosis(ref('net.refused', 'IMAP', 'outlook.office365.com'), 'it');
    expect(ms.advice.join('\n')).toContain('outlook.office365.com');
  });

  it('receive.disabled tells Outlook.com users where POP and IMAP are turned on', () => {
    const en = renderDiagnosis(ref('receive.disabled', 'POP3', 'outlook.office365.com'), 'en');
    expect(en.title).toBe('POP3 access is switched off for this account');
    expect(en.advice.join('\n')).toMatch(/Settings › Mail › Forwarding and IMAP/);
    const it = renderDiagnosis(ref('receive.disabled', 'POP3', 'outlook.office365.com'), 'it');
    expect(it.advice.join('\n')).toMatch(/Impostazioni › Posta › Inoltro e IMAP/);
    const gmail = renderDiagnosis(ref('receive.disabled', 'IMAP', 'imap.gmail.com'), 'en');
    expect(gmail.advice.join('\n')).toMatch(/Gmail/);
    expect(gmail.advice.join('\n')).not.toMatch(/Outlook/);
  });
});
