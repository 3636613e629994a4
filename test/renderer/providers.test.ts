import { describe, expect, it } from 'vitest';
import {
  CUSTOM_PROVIDER_ID,
  detectProvider,
  emailDomain,
  getProvider,
  PROVIDERS,
} from '../../src/shared/providers';

describe('provider detection', () => {
  const cases: [string, string | null][] = [
    ['mario.rossi@outlook.com', 'outlook'],
    ['mario@outlook.it', 'outlook'],
    ['Mario@Hotmail.IT', 'outlook'],
    ['a@hotmail.co.uk', 'outlook'],
    ['a@live.it', 'outlook'],
    ['a@live.com', 'outlook'],
    ['a@msn.com', 'outlook'],
    ['a@gmail.com', 'gmail'],
    ['a@googlemail.com', 'gmail'],
    ['a@yahoo.it', 'yahoo'],
    ['a@icloud.com', 'icloud'],
    ['a@me.com', 'icloud'],
    ['a@mac.com', 'icloud'],
    ['a@libero.it', 'libero'],
    ['a@inwind.it', 'libero'],
    ['a@blu.it', 'libero'],
    ['a@iol.it', 'libero'],
    ['a@virgilio.it', 'virgilio'],
    ['a@tim.it', 'tim'],
    ['a@alice.it', 'alice'],
    ['a@tin.it', 'alice'],
    ['a@pec.it', 'aruba-pec'],
    // Custom domains cannot be recognised from the address (Microsoft 365, Aruba hosting…).
    ['ceo@example-company.it', null],
    // `live.*` is a country suffix, not any domain starting with "live.".
    ['a@live.example.org', null],
    ['a@notoutlook.com', null],
    ['not an address', null],
    ['@outlook.com', null],
  ];
  it.each(cases)('%s → %s', (email, id) => {
    expect(detectProvider(email)?.id ?? null).toBe(id);
  });

  it('reads the domain only from a plausible address', () => {
    expect(emailDomain(' x@Libero.IT ')).toBe('libero.it');
    expect(emailDomain('x@')).toBeNull();
    expect(emailDomain('x@localhost')).toBeNull();
  });
});

describe('provider presets (data)', () => {
  it('have unique ids, none called custom, and valid SMTP settings', () => {
    const ids = PROVIDERS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain(CUSTOM_PROVIDER_ID);
    for (const p of PROVIDERS) {
      expect(p.smtp.host).toMatch(/^[a-z0-9.-]+\.[a-z]{2,}$/);
      expect([465, 587, 25]).toContain(p.smtp.port);
      // Port 465 is implicit TLS; 587 is STARTTLS (the original guide's "SSL/TLS on 587" is wrong).
      expect(p.smtp.security).toBe(p.smtp.port === 465 ? 'tls' : 'starttls');
    }
  });

  it('record a source URL and a checked date for each preset, and notes in both languages', () => {
    for (const p of PROVIDERS) {
      expect(p.source).toMatch(/^https:\/\//);
      expect(p.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(p.auth.notes.en.length).toBeGreaterThan(10);
      expect(p.auth.notes.it.length).toBeGreaterThan(10);
    }
  });

  it('know the facts the product is built on', () => {
    expect(getProvider('outlook')?.smtp).toEqual({
      host: 'smtp-mail.outlook.com',
      port: 587,
      security: 'starttls',
    });
    expect(getProvider('outlook')?.auth.oauthRecommended).toBe(true);
    expect(getProvider('microsoft365')?.smtp.host).toBe('smtp.office365.com');
    expect(getProvider('microsoft365')?.auth.oauthRecommended).toBe(true);
    expect(getProvider('microsoft365')?.domains).toEqual([]);
    expect(getProvider('gmail')?.auth.appPasswordRequired).toBe(true);
    expect(getProvider('libero')?.smtp).toEqual({ host: 'smtp.libero.it', port: 465, security: 'tls' });
    expect(getProvider('aruba')?.smtp).toEqual({ host: 'smtps.aruba.it', port: 465, security: 'tls' });
    expect(getProvider('virgilio')?.smtp).toEqual({ host: 'out.virgilio.it', port: 465, security: 'tls' });
    expect(getProvider('alice')?.smtp).toEqual({ host: 'out.alice.it', port: 587, security: 'starttls' });
  });
});
