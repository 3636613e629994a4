/**
 * Which SASL mechanism the SMTP login uses, and XOAUTH2 as a nodemailer custom handler (so that the
 * token comes from our provider, not nodemailer's own generator).
 */
import type { AuthInput } from '../../shared/probe-types';
import { xoauth2Response } from '../transcript';

/**
 * nodemailer runs its built-in XOAUTH2 only with its own token generator and otherwise falls back
 * to another mechanism; under its own name our handler always runs, and sends AUTH XOAUTH2 itself.
 */
export const XOAUTH2_HANDLER = 'MAILCHECK-XOAUTH2';

/** PLAIN, then LOGIN for passwords; XOAUTH2 for tokens. Null when the server offers none of them. */
export function pickMechanism(auth: AuthInput, offered: string[]): string | null {
  const wanted = auth.method === 'password' ? ['PLAIN', 'LOGIN'] : ['XOAUTH2'];
  return wanted.find((m) => offered.includes(m)) ?? null;
}

/**
 * XOAUTH2 (RFC 7628-style, as Google and Microsoft speak it) as a custom handler, so the token
 * comes from our provider. On failure the server sends a 334 challenge with a JSON error and
 * expects an empty line before its final reply.
 */
export async function xoauth2Handler(ctx: {
  auth: { user?: string; xoauth2Token?: string };
  sendCommand(cmd: string): Promise<{ status: number; response: string }>;
}): Promise<void> {
  const response = xoauth2Response(ctx.auth.user ?? '', ctx.auth.xoauth2Token ?? '');
  const payload = Buffer.from(response, 'utf8').toString('base64');
  let reply = await ctx.sendCommand(`AUTH XOAUTH2 ${payload}`);
  if (reply.status === 334) reply = await ctx.sendCommand('');
  if (reply.status !== 235) throw new Error('Invalid login');
}
