/**
 * The incoming server's form model (lib/incoming-form.ts): presets, profiles, the protocol switch
 * and what receive:run receives for each sign-in method.
 */
import { describe, expect, it } from 'vitest';
import {
  buildReceiveInput,
  EMPTY_INCOMING,
  incomingFromPreset,
  incomingFromProfile,
  incomingOfForm,
  validateIncoming,
  withProtocol,
  type IncomingForm,
} from '../../src/renderer/src/lib/incoming-form';
import { getProvider, PROVIDERS } from '../../src/shared/providers';

const imap: IncomingForm = { ...EMPTY_INCOMING, enabled: true, host: 'imap.x.it', port: '993' };

describe('incoming form', () => {
  it('every mailbox preset with incoming servers fills them, IMAP first; a relay leaves the fields alone', () => {
    for (const preset of PROVIDERS) {
      const filled = incomingFromPreset(EMPTY_INCOMING, preset);
      const expected = preset.incoming?.imap ?? preset.incoming?.pop3;
      if (!expected) expect(filled).toBe(EMPTY_INCOMING);
      else expect(filled).toMatchObject({ host: expected.host, port: String(expected.port), enabled: false });
    }
    expect(incomingFromPreset(imap, getProvider('brevo'))).toBe(imap);
  });

  it('switching the protocol moves a standard port to the other protocol’s, for each security', () => {
    expect(withProtocol(imap, 'pop3').port).toBe('995');
    expect(withProtocol({ ...imap, port: '143', security: 'starttls' }, 'pop3').port).toBe('110');
    expect(withProtocol({ ...imap, port: '10993' }, 'pop3').port).toBe('10993');
  });

  it('round-trips through a profile; the incoming user is kept only when it differs', () => {
    const saved = incomingOfForm({ ...imap, user: ' other@x.it ' })!;
    expect(saved).toEqual({
      protocol: 'imap',
      host: 'imap.x.it',
      port: 993,
      security: 'tls',
      user: 'other@x.it',
    });
    const profile = {
      name: 'P',
      host: 'smtp.x.it',
      port: 587,
      security: 'starttls' as const,
      authMethod: 'password' as const,
      user: 'me@x.it',
      updatedAt: '',
    };
    expect(incomingFromProfile({ ...profile, incoming: saved })).toMatchObject({
      enabled: true,
      user: 'other@x.it',
    });
    expect(incomingFromProfile({ ...profile, incoming: { ...saved, user: 'me@x.it' } }).user).toBe('');
    expect(incomingOfForm({ ...imap, enabled: false })).toBeUndefined();
  });

  it('checks the server and port only when the section is on', () => {
    expect(validateIncoming({ ...imap, host: ' ', port: '0' })).toEqual([
      'incoming.missingHost',
      'incoming.badPort',
    ]);
    expect(validateIncoming({ ...imap, enabled: false, host: '' })).toEqual([]);
  });

  it('builds the receive:run input for each sign-in method', () => {
    const login = { user: 'me@x.it', password: 'pw', savedProfile: null };
    expect(buildReceiveInput(imap, { ...login, authMethod: 'password' }, 'r1').request.auth).toEqual({
      method: 'password',
      user: 'me@x.it',
      password: 'pw',
    });
    // The saved password stays in main: only the profile's name travels.
    const saved = buildReceiveInput(
      imap,
      { ...login, password: '', savedProfile: 'P', authMethod: 'password' },
      'r2',
    );
    expect(saved.request.auth).toBeUndefined();
    expect(saved.profileName).toBe('P');
    // Microsoft's sign-in: the token comes from main, for the profile.
    const oauth = buildReceiveInput(
      imap,
      { ...login, password: '', savedProfile: 'P', authMethod: 'oauth2' },
      'r3',
    );
    expect(oauth.request.auth).toEqual({ method: 'oauth2', user: 'me@x.it' });
    expect(oauth.profileName).toBe('P');
    const none = buildReceiveInput(imap, { ...login, savedProfile: 'P', authMethod: 'none' }, 'r4');
    expect(none.request.auth).toBeUndefined();
    expect(none.profileName).toBeUndefined();
  });
});
