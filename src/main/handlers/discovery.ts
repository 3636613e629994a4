/**
 * discovery:run and discovery:cancel: the window's "find the settings from the address". Only the
 * address goes in (the schema admits nothing else), so no password can ever reach discovery; the
 * probes it makes stop before any login. The DNS servers, the live ISPDB and the extra CA come
 * from the main process (MainDeps), never from the page.
 */
import type { DiscoverInput } from '../../shared/ipc';
import type { DiscoveryAnswer, FoundSetting } from '../../shared/discovery-types';
import {
  discover,
  DiscoveryInputError,
  printable,
  type DiscoveredSetting,
  type DiscoveryResult,
} from '../../engine/discovery';
import { UserFacingError } from './errors';
import type { MainDeps } from './types';

/** How long the window waits for discovery at most: a fetch plus one probe on a slow network. */
export const WINDOW_DISCOVERY_TIMEOUT_MS = 15_000;

/** Bounds for text from the network that the window shows (a login name, a provider's name). */
const USERNAME_MAX = 320;
const PROVIDER_NAME_MAX = 80;

function found(setting: DiscoveredSetting | null): FoundSetting | null {
  if (!setting) return null;
  return {
    host: setting.host,
    port: setting.port,
    security: setting.security,
    // From a config file on the network: shown in the form and sent at login, so made printable.
    username: printable(setting.username, USERNAME_MAX),
    source: setting.source,
    verified: setting.verified,
    flags: [...setting.flags],
    oauth: setting.oauth,
  };
}

/** The engine's result without the candidate list and the lookups, which the window does not show. */
export function toAnswer(result: DiscoveryResult): DiscoveryAnswer {
  return {
    address: result.address,
    domain: result.domain,
    smtp: found(result.smtp),
    imap: found(result.imap),
    pop3: found(result.pop3),
    oauth: result.oauth,
    provider: result.provider === null ? null : printable(result.provider, PROVIDER_NAME_MAX),
    cancelled: result.cancelled,
    totalMs: result.totalMs,
  };
}

export function createDiscoveryHandlers(deps: MainDeps) {
  const running = new Map<string, AbortController>();

  return {
    async 'discovery:run'(input: DiscoverInput): Promise<DiscoveryAnswer> {
      if (running.has(input.discoveryId)) {
        throw new UserFacingError('A search with this id is already running.', {
          code: 'RUN_ID_IN_USE',
          messageIt: 'Una ricerca con questo identificativo è già in corso.',
        });
      }
      const controller = new AbortController();
      running.set(input.discoveryId, controller);
      try {
        const result = await discover(input.address, {
          signal: controller.signal,
          timeoutMs: WINDOW_DISCOVERY_TIMEOUT_MS,
          ...(deps.discovery?.dnsServers ? { dnsServers: deps.discovery.dnsServers } : {}),
          ...(deps.discovery?.ispdbUrl ? { ispdbUrl: deps.discovery.ispdbUrl } : {}),
          ...(deps.discovery?.ispdbDir ? { ispdbDir: deps.discovery.ispdbDir } : {}),
          ...(deps.caPem ? { caPem: deps.caPem } : {}),
        });
        return toAnswer(result);
      } catch (error) {
        if (error instanceof DiscoveryInputError) {
          throw new UserFacingError('This is not an e-mail address Mailcheck can look up.', {
            code: 'DISCOVERY_BAD_ADDRESS',
            messageIt: 'Questo non è un indirizzo e-mail che Mailcheck possa cercare.',
          });
        }
        throw error;
      } finally {
        running.delete(input.discoveryId);
      }
    },

    async 'discovery:cancel'(discoveryId: string): Promise<void> {
      running.get(discoveryId)?.abort();
    },
  };
}
