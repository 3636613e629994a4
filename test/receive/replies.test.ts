/** The IMAP and POP3 reply parsers on their own: capabilities, quoting, STATUS, CAPA, STAT, sizes. */
import { describe, expect, it } from 'vitest';
import { capabilitiesInCode, parseCapabilities, parseStatus, quoted } from '../../src/engine/imap/reply';
import { formatSize, parseCapa, parseStat } from '../../src/engine/pop3/reply';

describe('IMAP replies', () => {
  it('reads mechanisms, STARTTLS and LOGINDISABLED from capabilities', () => {
    expect(parseCapabilities('IMAP4rev1 SASL-IR auth=plain AUTH=XOAUTH2 STARTTLS LOGINDISABLED')).toEqual({
      list: ['IMAP4rev1', 'SASL-IR', 'auth=plain', 'AUTH=XOAUTH2', 'STARTTLS', 'LOGINDISABLED'],
      mechanisms: ['PLAIN', 'XOAUTH2'],
      starttls: true,
      loginDisabled: true,
    });
    expect(capabilitiesInCode('* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] Dovecot ready.')?.mechanisms).toEqual([
      'PLAIN',
    ]);
    expect(capabilitiesInCode('* OK Gimap ready')).toBeNull();
  });

  it('quotes printable ASCII and refuses the rest (a literal is sent instead)', () => {
    expect(quoted('me@example.it')).toBe('"me@example.it"');
    expect(quoted('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(quoted('pässword')).toBeNull();
    expect(quoted('line\r\nbreak')).toBeNull();
  });

  it('reads MESSAGES and UNSEEN in any order, quoted or not', () => {
    expect(parseStatus(['* STATUS "INBOX" (UNSEEN 3 MESSAGES 12)'])).toEqual({ messages: 12, unseen: 3 });
    expect(parseStatus(['* STATUS INBOX (MESSAGES 0)'])).toEqual({ messages: 0, unseen: null });
    expect(parseStatus(['* OK nothing'])).toEqual({ messages: null, unseen: null });
  });
});

describe('POP3 replies', () => {
  it('reads STLS, SASL mechanisms and USER from CAPA', () => {
    expect(parseCapa(['TOP', 'USER', 'SASL PLAIN xoauth2', 'STLS', 'UIDL'])).toMatchObject({
      mechanisms: ['PLAIN', 'XOAUTH2'],
      starttls: true,
      user: true,
    });
    expect(parseCapa(['TOP'])).toMatchObject({ mechanisms: [], starttls: false, user: false });
  });

  it('reads STAT and sizes it for people', () => {
    expect(parseStat('+OK 3 12345')).toEqual({ messages: 3, octets: 12345 });
    expect(parseStat('+OK maildrop ready')).toBeNull();
    expect(formatSize(512, 'en')).toBe('512 bytes');
    expect(formatSize(512, 'it')).toBe('512 byte');
    expect(formatSize(12_345, 'en')).toBe('12 KB');
    expect(formatSize(3_565_158, 'it')).toBe('3,4 MB');
  });
});
