/**
 * The optional incoming server (IMAP or POP3) of the Account form: its fields, what presets and
 * saved profiles put there, its checks, and what receive:run receives. The login is the account's
 * (same user, same password or Microsoft sign-in) unless the user names another user here.
 */
import type { RunReceiveInput } from '../../../shared/ipc';
import type { AuthInput, ReceiveProtocol, ReceiveRequest, SecurityMode } from '../../../shared/probe-types';
import type { IncomingServer, Profile } from '../../../shared/profile-types';
import type { ProviderPreset } from '../../../shared/providers';
import type { MessageKey } from '../i18n/messages';

export interface IncomingForm {
  /** The user asked for the receiving test too (presets fill the fields but leave this as it was). */
  enabled: boolean;
  protocol: ReceiveProtocol;
  host: string;
  /** Kept as typed, like the sending port; validated on submit. */
  port: string;
  security: SecurityMode;
  /** Empty: the account's username. */
  user: string;
}

export const EMPTY_INCOMING: IncomingForm = {
  enabled: false,
  protocol: 'imap',
  host: '',
  port: '993',
  security: 'tls',
  user: '',
};

/** The standard ports (RFC 8314): implicit TLS first, then the STARTTLS/STLS one. */
export const DEFAULT_PORTS: Record<ReceiveProtocol, { tls: number; plain: number }> = {
  imap: { tls: 993, plain: 143 },
  pop3: { tls: 995, plain: 110 },
};

function defaultPort(protocol: ReceiveProtocol, security: SecurityMode): number {
  return security === 'starttls' || security === 'none'
    ? DEFAULT_PORTS[protocol].plain
    : DEFAULT_PORTS[protocol].tls;
}

/** Switches IMAP ⇄ POP3; a port that was the old protocol's standard one follows to the new one's. */
export function withProtocol(incoming: IncomingForm, protocol: ReceiveProtocol): IncomingForm {
  const old = DEFAULT_PORTS[incoming.protocol];
  const standard = incoming.port === String(old.tls) || incoming.port === String(old.plain);
  return {
    ...incoming,
    protocol,
    port: standard ? String(defaultPort(protocol, incoming.security)) : incoming.port,
  };
}

/** The preset's incoming server (IMAP preferred); none: the fields stay as they are. */
export function incomingFromPreset(incoming: IncomingForm, preset: ProviderPreset | null): IncomingForm {
  const servers = preset?.incoming;
  const protocol: ReceiveProtocol | null = servers?.imap ? 'imap' : servers?.pop3 ? 'pop3' : null;
  const server = protocol ? servers?.[protocol] : undefined;
  if (!protocol || !server) return incoming;
  return { ...incoming, protocol, host: server.host, port: String(server.port), security: server.security };
}

export function incomingFromProfile(p: Profile): IncomingForm {
  const saved = p.incoming;
  if (!saved) return EMPTY_INCOMING;
  return {
    enabled: true,
    protocol: saved.protocol,
    host: saved.host,
    port: String(saved.port),
    security: saved.security,
    user: saved.user && saved.user !== p.user ? saved.user : '',
  };
}

/** What a profile keeps: only when the user asked for the receiving test. */
export function incomingOfForm(incoming: IncomingForm): IncomingServer | undefined {
  if (!incoming.enabled || !incoming.host.trim()) return undefined;
  const server: IncomingServer = {
    protocol: incoming.protocol,
    host: incoming.host.trim(),
    port: Number(incoming.port),
    security: incoming.security,
  };
  if (incoming.user.trim()) server.user = incoming.user.trim();
  return server;
}

export function validateIncoming(incoming: IncomingForm): MessageKey[] {
  if (!incoming.enabled) return [];
  const problems: MessageKey[] = [];
  if (!incoming.host.trim()) problems.push('incoming.missingHost');
  const port = Number(incoming.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) problems.push('incoming.badPort');
  return problems;
}

/** The parts of the account the receiving test shares with the sending one. */
export interface AccountLogin {
  authMethod: Profile['authMethod'];
  user: string;
  password: string;
  /** The saved profile whose secret (password or Microsoft sign-in) the test may use. */
  savedProfile: string | null;
}

/**
 * What receive:run receives. A typed password travels in memory only; without one, main takes the
 * saved secret of the profile (and only for the profile's incoming server).
 */
export function buildReceiveInput(
  incoming: IncomingForm,
  login: AccountLogin,
  runId: string,
): RunReceiveInput {
  const request: Omit<ReceiveRequest, 'caPem'> = {
    protocol: incoming.protocol,
    host: incoming.host.trim(),
    port: Number(incoming.port),
    security: incoming.security,
  };
  const user = incoming.user.trim() || login.user.trim();
  let auth: AuthInput | undefined;
  if (login.authMethod === 'oauth2') auth = { method: 'oauth2', user };
  else if (login.authMethod === 'password' && login.password) {
    auth = { method: 'password', user, password: login.password };
  }
  if (auth) request.auth = auth;
  const input: RunReceiveInput = { runId, request };
  const needsSaved = login.authMethod === 'oauth2' || (login.authMethod === 'password' && !login.password);
  if (needsSaved && login.savedProfile) input.profileName = login.savedProfile;
  return input;
}
