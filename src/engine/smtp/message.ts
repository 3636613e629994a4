/** The short bilingual test message of the `send` step. */
import { randomBytes } from 'node:crypto';

export function testMessage(from: string, to: string): string {
  const domain = from.split('@')[1] ?? 'mailcheck.invalid';
  const id = `${randomBytes(12).toString('hex')}@${domain}`;
  return [
    `From: <${from}>`,
    `To: <${to}>`,
    'Subject: Mailcheck test message / messaggio di prova',
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <${id}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    'This message was sent by Mailcheck to test your mail settings. You can delete it.',
    'Questo messaggio è stato inviato da Mailcheck per provare le impostazioni di posta. Puoi eliminarlo.',
    '',
  ].join('\r\n');
}
