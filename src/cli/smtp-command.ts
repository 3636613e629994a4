/**
 * `mailcheck smtp`: the sending test (runProbe) on the common command flow (check-command.ts).
 * --save stores the settings as the profile itself and the password in the keychain.
 */
import { ProbeInputError, runProbe, validateProbeRequest } from '../engine/probe';
import type { ProbeRequest } from '../shared/probe-types';
import type { Profile } from '../shared/profile-types';
import type { CliIo } from './cli-io';
import { checkCommand, type CheckKind } from './check-command';
import { SMTP_HELP } from './help';
import { SMTP_PORTS, type SmtpSettings } from './smtp-settings';
import { UsageError } from './usage-error';

function profileFrom(name: string, settings: SmtpSettings, previous: Profile | null): Profile {
  return {
    ...(previous ?? {}),
    name,
    host: settings.host,
    port: settings.port,
    security: settings.security,
    user: settings.user,
    authMethod: settings.authMethod,
    oauth: settings.oauth,
    from: settings.from,
    to: settings.to,
    caFile: settings.caFile,
    timeoutMs: settings.timeoutMs,
    // Kept only when granted, so a profile never carries a meaningless `false`.
    allowPlaintextAuth: settings.allowPlaintextAuth || undefined,
    updatedAt: new Date().toISOString(),
  };
}

export const SMTP_KIND: CheckKind<ProbeRequest> = {
  command: 'smtp',
  help: SMTP_HELP,
  ports: SMTP_PORTS,
  settingsOf: (profile) => profile,
  checkFlags: () => undefined,
  buildRequest(settings, auth) {
    const request: ProbeRequest = {
      host: settings.host,
      port: settings.port,
      security: settings.security,
      auth,
      caPem: settings.caPem,
      send:
        settings.from !== undefined && settings.to !== undefined
          ? { from: settings.from, to: settings.to }
          : undefined,
      timeoutMs: settings.timeoutMs,
      allowPlaintextAuth: settings.allowPlaintextAuth,
    };
    try {
      return validateProbeRequest(request);
    } catch (error) {
      if (error instanceof ProbeInputError)
        throw new UsageError(error.field, { en: error.message, it: error.messageIt });
      throw error;
    }
  },
  run: (request, opts) => runProbe(request, opts),
  profileToSave: profileFrom,
  savesPassword: true,
};

export function smtpCommand(args: string[], io: CliIo): Promise<number> {
  return checkCommand(SMTP_KIND, args, io);
}
