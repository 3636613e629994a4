/**
 * Reads a Thunderbird autoconfig document (`config-v1.1.xml`, the format of the provider's own
 * autoconfig, of the ISPDB and of its live service) into plain server entries. The document is
 * untrusted input: size-bounded before it gets here, no DTD or entities (refused outright), values
 * checked (host names, ports), everything else ignored.
 */
import { XMLParser } from 'fast-xml-parser';
import { HOST_MAX_LENGTH } from '../../shared/limits';
import type { DiscoveredSecurity, MailProtocol } from './types';

export interface ConfigServer {
  protocol: MailProtocol;
  host: string;
  port: number;
  security: DiscoveredSecurity;
  /** The username template (`%EMAILADDRESS%`…), as written. */
  username: string;
  /** The `authentication` values, as written (`password-cleartext`, `OAuth2`…). */
  authentication: string[];
}

export interface ParsedConfig {
  id: string | null;
  displayName: string | null;
  /** Every `<domain>` the provider lists (the address domains it serves). */
  domains: string[];
  servers: ConfigServer[];
  /** An `<oAuth2>` block or an OAuth2 authentication on any server. */
  oauth: boolean;
}

const SOCKET_TYPES: Record<string, DiscoveredSecurity> = { SSL: 'tls', STARTTLS: 'starttls', plain: 'none' };
/** A host name: labels of 1–63 characters (RFC 1035), 253 in all. */
const HOST =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const ARRAYS = new Set(['emailProvider', 'domain', 'incomingServer', 'outgoingServer', 'authentication']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ARRAYS.has(name),
});

type Node = Record<string, unknown>;

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim();
  if (value && typeof value === 'object' && typeof (value as Node)['#text'] === 'string')
    return ((value as Node)['#text'] as string).trim();
  return null;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function server(node: unknown, outgoing: boolean): ConfigServer | null {
  if (!node || typeof node !== 'object') return null;
  const n = node as Node;
  const type = String(n['@type'] ?? '').toLowerCase();
  const protocol: MailProtocol | null = outgoing
    ? type === 'smtp'
      ? 'smtp'
      : null
    : type === 'imap' || type === 'pop3'
      ? type
      : null;
  const host = text(n.hostname)?.toLowerCase() ?? '';
  const port = Number(text(n.port));
  const security = SOCKET_TYPES[text(n.socketType) ?? ''];
  if (!protocol || !security || !Number.isInteger(port) || port < 1 || port > 65535) return null;
  // Some providers write %EMAILDOMAIN% in the host name: it is checked once it is filled in.
  if (host.length > HOST_MAX_LENGTH || !(HOST.test(host) || host.includes('%emaildomain%'))) return null;
  return {
    protocol,
    host,
    port,
    security,
    username: text(n.username) ?? '%EMAILADDRESS%',
    authentication: list(n.authentication)
      .map(text)
      .filter((a): a is string => !!a),
  };
}

/** Null when the text is not a config-v1.1 document (or uses a DTD, which is never needed). */
export function parseConfigXml(xml: string): ParsedConfig | null {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return null;
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch {
    return null;
  }
  const root = doc.clientConfig as Node | undefined;
  const provider = list(root?.emailProvider)[0] as Node | undefined;
  if (!root || !provider || typeof provider !== 'object') return null;
  const servers = [
    ...list(provider.outgoingServer).map((s) => server(s, true)),
    ...list(provider.incomingServer).map((s) => server(s, false)),
  ].filter((s): s is ConfigServer => s !== null);
  return {
    id: typeof provider['@id'] === 'string' ? provider['@id'] : null,
    displayName: text(provider.displayName),
    domains: list(provider.domain)
      .map(text)
      .filter((d): d is string => !!d)
      .map((d) => d.toLowerCase()),
    servers,
    oauth: root.oAuth2 !== undefined || servers.some((s) => s.authentication.includes('OAuth2')),
  };
}

/** Fills the placeholders of a username or host template for this address. */
export function fillTemplate(template: string, address: string): string {
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  return template
    .replace(/%EMAILADDRESS%/gi, address)
    .replace(/%EMAILLOCALPART%/gi, local)
    .replace(/%EMAILDOMAIN%/gi, domain)
    .replace(/%EMAILADDRESS/gi, address);
}

/** A filled-in host name is still a host name (a placeholder could have brought anything in). */
export function isHostName(host: string): boolean {
  return host.length <= HOST_MAX_LENGTH && HOST.test(host);
}
