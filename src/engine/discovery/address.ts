/** The e-mail address discovery starts from: checked, its domain lower-cased and in ASCII (IDN). */
import { domainToASCII } from 'node:url';
import { HOST_MAX_LENGTH } from '../../shared/limits';

export interface ParsedAddress {
  address: string;
  local: string;
  domain: string;
}

/** RFC 5321 §4.5.3.1: 64 octets of local part, 254 for the whole path. */
const MAX_LOCAL = 64;
const MAX_ADDRESS = 254;
/** Labels of 1–63 characters (RFC 1035), a top-level label of at least 2. */
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;
const BAD_LOCAL = /[\s\p{Cc}<>()[\]\\,;:@"]/u;

export function parseAddress(raw: string): ParsedAddress | null {
  if (raw.length > MAX_ADDRESS) return null;
  const at = raw.lastIndexOf('@');
  if (at < 1 || at === raw.length - 1) return null;
  const local = raw.slice(0, at);
  if (local.length > MAX_LOCAL || BAD_LOCAL.test(local) || local.startsWith('.') || local.endsWith('.'))
    return null;
  const domain = domainToASCII(raw.slice(at + 1).toLowerCase());
  if (!domain || domain.length > HOST_MAX_LENGTH || !DOMAIN.test(domain)) return null;
  return { address: `${local}@${domain}`, local, domain };
}
