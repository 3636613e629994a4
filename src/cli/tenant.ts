/**
 * `--tenant`: which Microsoft directory signs the user in. It becomes a path segment of the sign-in
 * URL (`https://login.microsoftonline.com/{tenant}/v2.0`), so only the forms Microsoft defines are
 * accepted: anything else (spaces, slashes, `..`) could point the sign-in somewhere unintended.
 */
import { PERSONAL_TENANT } from '../engine/oauth/config';
import { UsageError } from './usage-error';
import { HOST_MAX_LENGTH } from '../shared/limits';

/** Personal accounts by default: the product's first guide is Outlook.com / Hotmail. */
export const DEFAULT_TENANT = PERSONAL_TENANT;

const NAMED_TENANTS: readonly string[] = ['consumers', 'organizations', 'common'];
/** A directory (tenant) id, as the Entra admin center shows it. */
const TENANT_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A verified domain of the tenant (contoso.onmicrosoft.com, contoso.com): DNS labels, 2 or more. */
const TENANT_DOMAIN = new RegExp(
  `^(?=.{1,${HOST_MAX_LENGTH}}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$`,
  'i',
);

function isValidTenant(tenant: string): boolean {
  return NAMED_TENANTS.includes(tenant) || TENANT_GUID.test(tenant) || TENANT_DOMAIN.test(tenant);
}

export function parseTenant(raw: string): string {
  if (!isValidTenant(raw)) {
    throw new UsageError('tenant', {
      en: '--tenant must be consumers (personal Outlook.com/Hotmail accounts), organizations, common, a tenant id (GUID) or a domain such as contoso.onmicrosoft.com.',
      it: '--tenant deve essere consumers (account personali Outlook.com/Hotmail), organizations, common, un id di tenant (GUID) o un dominio come contoso.onmicrosoft.com.',
    });
  }
  return raw;
}
