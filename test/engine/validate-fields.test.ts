/**
 * validateProbeRequest field by field, with exact values: which message each bad field gets (both
 * languages), the boundaries of every limit (the last good value and the first bad one), what is
 * trimmed, and the OAuth token rules. Written from the mutation run (docs/testing.md): each case
 * here failed to notice a change Stryker made to src/engine/probe/validate.ts.
 */
import { describe, expect, it } from 'vitest';
import { ProbeInputError, validateProbeRequest } from '../../src/engine/probe';
import { MAX_TIMEOUT_MS, MIN_TIMEOUT_MS } from '../../src/engine/probe/constants';

const base = { host: 'smtp.example.com', port: 587, security: 'starttls' };
const USER = 'anna.bianchi@example.it';
const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

function errorOf(input: unknown): ProbeInputError {
  try {
    validateProbeRequest(input);
  } catch (err) {
    if (err instanceof ProbeInputError) return err;
    throw err;
  }
  throw new Error(`expected a ProbeInputError for ${JSON.stringify(input)}`);
}

const password = (user: string, pass: string) => ({ method: 'password', user, password: pass });

describe('ProbeInputError', () => {
  it('carries its code, name, field and both languages', () => {
    const e = errorOf({ ...base, port: 0 });
    expect(e).toBeInstanceOf(Error);
    expect(e.code).toBe('PROBE_INPUT');
    expect(e.name).toBe('ProbeInputError');
    expect(e.field).toBe('port');
    expect(e.message).toBe('The port must be a whole number from 1 to 65535.');
    expect(e.messageIt).toBe('La porta deve essere un numero intero da 1 a 65535.');
  });
});

describe('the message for each field', () => {
  it.each<[string, unknown, string, string, string]>([
    [
      'IPv6 zone',
      { ...base, host: 'fe80::1%eth0' },
      'host',
      'IPv6 addresses with a zone (such as fe80::1%eth0) are not supported: use the server name or another address.',
      'Gli indirizzi IPv6 con zona (come fe80::1%eth0) non sono supportati: usa il nome del server o un altro indirizzo.',
    ],
    // A '%' without ':' is no IPv6 zone, just a bad name.
    [
      'percent in a name',
      { ...base, host: 'smtp%eth0' },
      'host',
      'Enter a valid server name or IP address.',
      'Inserisci un nome di server o un indirizzo IP valido.',
    ],
    [
      'empty host',
      { ...base, host: '' },
      'host',
      'Enter a valid server name or IP address.',
      'Inserisci un nome di server o un indirizzo IP valido.',
    ],
    [
      'fractional port',
      { ...base, port: 587.5 },
      'port',
      'The port must be a whole number from 1 to 65535.',
      'La porta deve essere un numero intero da 1 a 65535.',
    ],
    [
      'security',
      { ...base, security: 'ssl' },
      'security',
      'Security must be auto, starttls, tls or none.',
      'La sicurezza deve essere auto, starttls, tls o none.',
    ],
    [
      'user',
      { ...base, auth: password('', 'x') },
      'auth.user',
      'Enter the user name (usually the full email address), without spaces.',
      'Inserisci il nome utente (di solito l’indirizzo email completo), senza spazi.',
    ],
    [
      'password',
      { ...base, auth: password(USER, '') },
      'auth.password',
      'Enter the password (it cannot be empty or contain line breaks).',
      'Inserisci la password (non può essere vuota né contenere a capo).',
    ],
    [
      'OAuth without a token',
      { ...base, auth: { method: 'oauth2', user: USER } },
      'auth.accessToken',
      'An OAuth sign-in needs an access token: sign in with Microsoft first.',
      'L’accesso OAuth richiede un token: accedi prima con Microsoft.',
    ],
    [
      'token provider not a function',
      { ...base, auth: { method: 'oauth2', user: USER, getAccessToken: 'token' } },
      'auth.getAccessToken',
      'The OAuth token provider must be a function.',
      'Il fornitore del token OAuth deve essere una funzione.',
    ],
    [
      'unknown login method',
      { ...base, auth: { method: 'kerberos', user: USER } },
      'auth.method',
      'Choose how to log in: password or OAuth (Sign in with Microsoft).',
      'Scegli come accedere: password oppure OAuth (Accedi con Microsoft).',
    ],
    [
      'auth not an object',
      { ...base, auth: 'password' },
      'auth',
      'Choose how to log in: password or OAuth (Sign in with Microsoft).',
      'Scegli come accedere: password oppure OAuth (Accedi con Microsoft).',
    ],
    [
      'CA not PEM',
      { ...base, caPem: 'MIIB' },
      'caPem',
      'The custom CA must be a PEM certificate (-----BEGIN CERTIFICATE-----).',
      'La CA personalizzata deve essere un certificato PEM (-----BEGIN CERTIFICATE-----).',
    ],
    [
      'sender',
      { ...base, send: { from: 'me', to: USER } },
      'send.from',
      'Enter a valid sender address (name@domain).',
      'Inserisci un indirizzo mittente valido (nome@dominio).',
    ],
    [
      'recipient',
      { ...base, send: { from: USER, to: 'you' } },
      'send.to',
      'Enter a valid recipient address (name@domain).',
      'Inserisci un indirizzo destinatario valido (nome@dominio).',
    ],
    [
      'send not an object',
      { ...base, send: 'yes' },
      'send',
      'The test message needs a sender and a recipient.',
      'Il messaggio di prova richiede mittente e destinatario.',
    ],
    [
      'timeout',
      { ...base, timeoutMs: MIN_TIMEOUT_MS - 1 },
      'timeoutMs',
      `The timeout must be from ${MIN_TIMEOUT_MS} to ${MAX_TIMEOUT_MS} ms.`,
      `Il tempo massimo deve essere tra ${MIN_TIMEOUT_MS} e ${MAX_TIMEOUT_MS} ms.`,
    ],
    [
      'allowPlaintextAuth',
      { ...base, allowPlaintextAuth: 'yes' },
      'allowPlaintextAuth',
      'allowPlaintextAuth must be true or false.',
      'allowPlaintextAuth deve essere true o false.',
    ],
    [
      'EHLO name',
      { ...base, clientName: 'my laptop' },
      'clientName',
      'The EHLO name must be a host name.',
      'Il nome EHLO deve essere un nome di host.',
    ],
    [
      'no settings',
      null,
      'request',
      'The test settings are missing or malformed.',
      'Le impostazioni del test mancano o non sono valide.',
    ],
  ])('%s', (_name, input, field, en, it) => {
    const e = errorOf(input);
    expect({ field: e.field, en: e.message, it: e.messageIt }).toEqual({ field, en, it });
  });
});

describe('limits: the last good value and the first bad one', () => {
  const accepts = (input: object) => expect(() => validateProbeRequest({ ...base, ...input })).not.toThrow();
  const fieldOf = (input: object) => errorOf({ ...base, ...input }).field;

  it('port 1 and 65535', () => {
    accepts({ port: 1 });
    accepts({ port: 65535 });
    expect(fieldOf({ port: 65536 })).toBe('port');
  });

  it('timeout from MIN to MAX', () => {
    accepts({ timeoutMs: MIN_TIMEOUT_MS });
    accepts({ timeoutMs: MAX_TIMEOUT_MS });
    expect(fieldOf({ timeoutMs: MAX_TIMEOUT_MS + 1 })).toBe('timeoutMs');
    expect(fieldOf({ timeoutMs: 1000.5 })).toBe('timeoutMs');
  });

  it('a password of 1 to 4096 characters; spaces and non-ASCII are fine, control characters are not', () => {
    accepts({ auth: password(USER, 'x') });
    accepts({ auth: password(USER, 'p'.repeat(4096)) });
    accepts({ auth: password(USER, ' pass word ~ è ') });
    expect(fieldOf({ auth: password(USER, 'p'.repeat(4097)) })).toBe('auth.password');
    expect(fieldOf({ auth: password(USER, 'tab\there') })).toBe('auth.password');
    expect(fieldOf({ auth: password(USER, 'unit\u001fsep') })).toBe('auth.password');
    expect(fieldOf({ auth: password(USER, 'del\u007f') })).toBe('auth.password');
    expect(fieldOf({ auth: password(USER, 'nul\u0000') })).toBe('auth.password');
  });

  it('a user of up to 320 characters, trimmed, without inner spaces or control characters', () => {
    const long = `${'a'.repeat(320 - '@example.it'.length)}@example.it`;
    expect(validateProbeRequest({ ...base, auth: password(long, 'x') }).auth).toEqual(password(long, 'x'));
    expect(fieldOf({ auth: password(`a${long}`, 'x') })).toBe('auth.user');
    expect(fieldOf({ auth: password('anna bianchi', 'x') })).toBe('auth.user');
    expect(fieldOf({ auth: password('anna\u007f', 'x') })).toBe('auth.user');
    expect(validateProbeRequest({ ...base, auth: password(`  ${USER}\t`, 'x') }).auth).toEqual(
      password(USER, 'x'),
    );
  });

  it('sender and recipient: name@domain, up to 320 characters, trimmed', () => {
    const long = `${'a'.repeat(320 - '@example.it'.length)}@example.it`;
    expect(validateProbeRequest({ ...base, send: { from: ` ${USER} `, to: `\t${long}` } }).send).toEqual({
      from: USER,
      to: long,
    });
    expect(validateProbeRequest({ ...base, send: { from: 'a@b', to: 'x@y' } }).send).toEqual({
      from: 'a@b',
      to: 'x@y',
    });
    for (const bad of [
      `a${long}`,
      'anna bianchi@example.it',
      'me <a@b.c>',
      'a@b.c>',
      '<a@b.c',
      'a@@b.c',
      '@b.c',
      'a@',
    ])
      expect(fieldOf({ send: { from: USER, to: bad } }), bad).toBe('send.to');
    expect(fieldOf({ send: { from: 'a@b.c\u007f', to: USER } })).toBe('send.from');
    expect(fieldOf({ send: { from: USER } })).toBe('send.to');
  });

  it('a CA up to 1 000 000 characters that contains a PEM certificate', () => {
    expect(validateProbeRequest({ ...base, caPem: PEM }).caPem).toBe(PEM);
    const big = PEM + ' '.repeat(1_000_000 - PEM.length);
    accepts({ caPem: big });
    expect(fieldOf({ caPem: `${big} ` })).toBe('caPem');
  });

  it('an EHLO name: a host name up to 253 characters, trimmed', () => {
    expect(validateProbeRequest({ ...base, clientName: ' laptop.example.it ' }).clientName).toBe(
      'laptop.example.it',
    );
    const label = 'a'.repeat(63);
    const longest = [label, label, label, 'a'.repeat(61)].join('.');
    expect(longest).toHaveLength(253);
    expect(validateProbeRequest({ ...base, clientName: longest }).clientName).toBe(longest);
    expect(fieldOf({ clientName: `${longest}a` })).toBe('clientName');
    expect(fieldOf({ clientName: `a.${'b'.repeat(64)}` })).toBe('clientName');
    expect(fieldOf({ clientName: '-laptop' })).toBe('clientName');
  });

  it('host names: labels of up to 63 characters, no hyphen at either end, an optional final dot', () => {
    for (const good of ['a', 'smtp.example.com.', '_dmarc.example.com', `${'a'.repeat(63)}.it`, 'a-b.c'])
      expect(validateProbeRequest({ ...base, host: good }).host).toBe(good);
    for (const bad of [`${'a'.repeat(64)}.it`, '-a.it', 'a-.it', 'a..it', '.a.it'])
      expect(fieldOf({ host: bad }), bad).toBe('host');
  });
});

describe('login', () => {
  it('a password login keeps its method, trimmed user and password', () => {
    expect(validateProbeRequest({ ...base, auth: password(` ${USER} `, ' secret ') })).toEqual({
      ...base,
      auth: password(USER, ' secret '),
    });
  });

  it('OAuth needs an access token or a token provider, either one is enough', async () => {
    const withToken = validateProbeRequest({
      ...base,
      auth: { method: 'oauth2', user: USER, accessToken: 'tok' },
    });
    expect(withToken.auth).toEqual({ method: 'oauth2', user: USER, accessToken: 'tok' });
    const provider = async () => 'from-provider';
    const withProvider = validateProbeRequest({
      ...base,
      auth: { method: 'oauth2', user: USER, getAccessToken: provider },
    });
    expect(withProvider.auth).toEqual({ method: 'oauth2', user: USER, getAccessToken: provider });
    const both = validateProbeRequest({
      ...base,
      auth: { method: 'oauth2', user: USER, accessToken: 'tok', getAccessToken: provider },
    });
    expect(both.auth).toMatchObject({ method: 'oauth2', accessToken: 'tok' });
    expect(errorOf({ ...base, auth: { method: 'oauth2', user: USER, accessToken: '' } }).field).toBe(
      'auth.accessToken',
    );
    expect(errorOf({ ...base, auth: { method: 'oauth2', user: USER, accessToken: 'a\r\nb' } }).field).toBe(
      'auth.accessToken',
    );
  });

  it('a password login cannot pass an OAuth token instead of its password', () => {
    expect(errorOf({ ...base, auth: { method: 'password', user: USER, accessToken: 'tok' } }).field).toBe(
      'auth.password',
    );
  });
});
