import { describe, expect, it } from 'vitest';
import { formForTrying, EMPTY_FORM, withUsage } from '../../src/renderer/src/lib/form';
import { getProvider, presetUsername, PROVIDERS, providersOfKind } from '../../src/shared/providers';
import { OAUTH_SUPPORT, securityWording, USAGE_KINDS, usageVerdict } from '../../src/shared/usage';

describe('usage verdicts', () => {
  it('is definite for a password-only program with Outlook.com, and only then', () => {
    const website = { kind: 'website', signIn: 'no' } as const;
    expect(usageVerdict({ providerId: 'outlook', usage: website })).toBe('outlook-password-only');
    expect(usageVerdict({ providerId: 'outlook', usage: { ...website, signIn: 'yes' } })).toBeNull();
    expect(usageVerdict({ providerId: 'outlook', usage: { ...website, signIn: 'unknown' } })).toBeNull();
    expect(usageVerdict({ providerId: 'outlook', usage: null })).toBeNull();
    expect(usageVerdict({ providerId: 'gmail', usage: website })).toBeNull();
  });

  it('for Microsoft 365 only once the test showed SMTP AUTH refusing the password', () => {
    const device = { kind: 'device', signIn: 'no' } as const;
    expect(usageVerdict({ providerId: 'microsoft365', usage: device })).toBeNull();
    expect(
      usageVerdict({ providerId: 'microsoft365', usage: device, diagnosisId: 'auth.smtp-auth-disabled' }),
    ).toBe('m365-smtp-auth-off');
    expect(
      usageVerdict({ providerId: 'microsoft365', usage: device, diagnosisId: 'auth.basic-default-off' }),
    ).toBe('m365-smtp-auth-off');
    expect(
      usageVerdict({ providerId: 'microsoft365', usage: device, diagnosisId: 'auth.rejected' }),
    ).toBeNull();
  });

  it('has the other program’s wording for every kind and mode, in both languages', () => {
    for (const kind of USAGE_KINDS) {
      for (const mode of ['starttls', 'tls', 'none'] as const) {
        const text = securityWording(kind, mode);
        expect(text?.en.length).toBeGreaterThan(5);
        expect(text?.it).not.toBe(text?.en);
      }
      expect(securityWording(kind, 'auto')).toBeNull();
    }
    expect(OAUTH_SUPPORT).toEqual(['yes', 'no', 'unknown']);
  });

  it('a password-only program is tested with a password', () => {
    const oauth = { ...EMPTY_FORM, authMethod: 'oauth2' as const };
    expect(withUsage(oauth, 'website', 'no').authMethod).toBe('password');
    expect(withUsage(oauth, 'mail-app', 'yes').authMethod).toBe('oauth2');
  });
});

describe('presets for the way out', () => {
  it('relays: host, port 587 STARTTLS and the username rule of each (sources checked 2026-12-02)', () => {
    const expected: Record<string, [string, string]> = {
      brevo: ['smtp-relay.brevo.com', ''],
      mailjet: ['in-v3.mailjet.com', ''],
      sendgrid: ['smtp.sendgrid.net', 'apikey'],
      'amazon-ses': ['email-smtp.eu-west-1.amazonaws.com', ''],
      postmark: ['smtp.postmarkapp.com', ''],
    };
    expect(providersOfKind('relay').map((p) => p.id)).toEqual(Object.keys(expected));
    for (const [id, [host, user]] of Object.entries(expected)) {
      const p = getProvider(id)!;
      expect(p.smtp).toEqual({ host, port: 587, security: 'starttls' });
      expect(presetUsername(p, 'shop@example.it')).toBe(user);
      expect(p.auth.credentials?.en.length).toBeGreaterThan(20);
      expect(p.auth.credentials?.it).not.toBe(p.auth.credentials?.en);
      expect(p.domains).toEqual([]);
      expect(p.checked).toBe('2026-12-02');
    }
    expect(providersOfKind('hosting').map((p) => p.id)).toEqual(['aruba']);
  });

  it('mailboxes carry their incoming servers (IMAP/POP3) with source and date', () => {
    expect(getProvider('outlook')?.incoming).toMatchObject({
      imap: { host: 'outlook.office365.com', port: 993, security: 'tls' },
      pop3: { host: 'outlook.office365.com', port: 995, security: 'tls' },
    });
    expect(getProvider('microsoft365')?.incoming?.imap?.host).toBe('outlook.office365.com');
    expect(getProvider('gmail')?.incoming).toMatchObject({
      imap: { host: 'imap.gmail.com', port: 993 },
      pop3: { host: 'pop.gmail.com', port: 995 },
    });
    for (const p of PROVIDERS) {
      if (p.kind === 'relay') {
        expect(p.incoming).toBeUndefined();
        continue;
      }
      expect(p.incoming?.source, p.id).toMatch(/^https:\/\//);
      expect(p.incoming?.checked, p.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(p.incoming?.imap?.port, p.id).toBe(993);
    }
  });

  it('trying a preset keeps only where the settings will be used', () => {
    const old = { ...EMPTY_FORM, email: 'mario@hotmail.it', password: 'x', usageKind: 'website' as const };
    const gmail = formForTrying(old, 'gmail');
    expect(gmail).toMatchObject({ providerId: 'gmail', host: 'smtp.gmail.com', email: '', password: '' });
    expect(gmail.usageKind).toBe('website');
    expect(formForTrying(old, 'custom')).toMatchObject({ providerId: 'custom', host: '' });
  });
});
