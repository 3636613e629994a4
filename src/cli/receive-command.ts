/**
 * `mailcheck imap` and `mailcheck pop3`: the receiving test (runReceiveCheck) on the common command
 * flow (check-command.ts): the same flags as `mailcheck smtp` except the test message, the same
 * JSON shape (plus `protocol`) and exit codes.
 *
 * Profiles: --profile NAME tests the profile's incoming server (flags override it; the login and
 * the password are the profile's unless given). --save NAME stores the incoming server in an
 * EXISTING profile (the sending side is what a profile is made of; create it with
 * `mailcheck smtp --save NAME` first) with --ca and --timeout (profile-wide), and leaves the
 * keychain alone: one account, one password.
 */
import { ProbeInputError } from '../engine/probe/validate';
import { runReceiveCheck, validateReceiveRequest } from '../engine/receive';
import type { ReceiveProtocol, ReceiveRequest } from '../shared/probe-types';
import type { CliIo } from './cli-io';
import { checkCommand, type CheckKind } from './check-command';
import { receiveHelp } from './help';
import type { PortDefaults } from './smtp-settings';
import { usage, UsageError } from './usage-error';

const PORTS: Record<ReceiveProtocol, PortDefaults> = {
  imap: { tls: 993, plain: 143, auto: 993 },
  pop3: { tls: 995, plain: 110, auto: 995 },
};

function receiveKind(protocol: ReceiveProtocol): CheckKind<ReceiveRequest> {
  return {
    command: protocol,
    help: receiveHelp(protocol),
    ports: PORTS[protocol],
    settingsOf(profile) {
      const incoming = profile.incoming;
      // Another protocol's incoming server is not this one's: only the login is reused.
      const server = incoming?.protocol === protocol ? incoming : null;
      return {
        ...profile,
        host: server?.host,
        port: server?.port,
        security: server?.security,
        user: server?.user ?? profile.user,
        authMethod: server?.authMethod ?? profile.authMethod,
        from: undefined,
        to: undefined,
      };
    },
    checkFlags(flags) {
      if (flags.from !== undefined || flags.to !== undefined) {
        throw usage(
          'from',
          `--from and --to send a test message: that is "mailcheck smtp"; "mailcheck ${protocol}" only reads the mailbox.`,
          `--from e --to inviano un messaggio di prova: serve "mailcheck smtp"; "mailcheck ${protocol}" legge solo la casella.`,
        );
      }
    },
    buildRequest(settings, auth) {
      try {
        return validateReceiveRequest({
          protocol,
          host: settings.host,
          port: settings.port,
          security: settings.security,
          auth,
          caPem: settings.caPem,
          timeoutMs: settings.timeoutMs,
          allowPlaintextAuth: settings.allowPlaintextAuth,
        });
      } catch (error) {
        if (error instanceof ProbeInputError)
          throw new UsageError(error.field, { en: error.message, it: error.messageIt });
        throw error;
      }
    },
    run: (request, opts) => runReceiveCheck(request, opts),
    profileToSave(name, settings, previous) {
      if (!previous) {
        throw usage(
          'save',
          `There is no profile "${name}" to add the incoming server to: save the sending server first ("mailcheck smtp --save ${name} …").`,
          `Non esiste un profilo "${name}" a cui aggiungere il server in arrivo: salva prima il server in uscita ("mailcheck smtp --save ${name} …").`,
        );
      }
      return {
        ...previous,
        // A private CA and a slow link usually concern both servers of an account: profile-wide.
        caFile: settings.caFile ?? previous.caFile,
        timeoutMs: settings.timeoutMs ?? previous.timeoutMs,
        incoming: {
          protocol,
          host: settings.host,
          port: settings.port,
          security: settings.security,
          // Kept only when they differ from the sending login.
          user: settings.user !== previous.user ? settings.user : undefined,
          authMethod: settings.authMethod !== previous.authMethod ? settings.authMethod : undefined,
        },
        updatedAt: new Date().toISOString(),
      };
    },
    savesPassword: false,
  };
}

export function imapCommand(args: string[], io: CliIo): Promise<number> {
  return checkCommand(receiveKind('imap'), args, io);
}

export function pop3Command(args: string[], io: CliIo): Promise<number> {
  return checkCommand(receiveKind('pop3'), args, io);
}
