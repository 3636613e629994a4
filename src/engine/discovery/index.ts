/**
 * Discovery: the mail settings of an address from the address alone (issue 11). Plain Node, used
 * by the CLI (`mailcheck discover`, `mailcheck smtp --email`) and, later, the window.
 */
export {
  discover,
  DiscoveryInputError,
  DEFAULT_DISCOVERY_TIMEOUT_MS,
  MIN_DISCOVERY_TIMEOUT_MS,
  MAX_DISCOVERY_TIMEOUT_MS,
} from './discover';
export { parseDnsServers } from './dns';
export { parseAddress } from './address';
export { printable } from './printable';
export type * from './types';
