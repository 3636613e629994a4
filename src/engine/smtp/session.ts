/**
 * nodemailer's SMTPConnection, observed: the greeting, each EHLO reply and the STARTTLS upgrade are
 * reported to an observer as they happen, so the probe can time each step and stop at the right
 * moment (STARTTLS missing, certificate not trusted) before anything else is sent.
 *
 * The hooks wrap internal methods of nodemailer 10.6's SMTPConnection (`_actionGreeting`,
 * `_actionEHLO`, `_upgradeConnection`). `assertHooksAvailable` fails loudly (and a test checks it)
 * if an upgrade renames them, instead of silently losing the checks.
 */
import type tls from 'node:tls';
import SMTPConnection from 'nodemailer/lib/smtp-connection';

type UpgradeCallback = (err: Error | null, secured?: boolean) => void;

interface ConnectionInternals {
  _actionGreeting(this: SMTPConnection, str: string): void;
  _actionEHLO(this: SMTPConnection, str: string): void;
  _upgradeConnection(this: SMTPConnection, callback: UpgradeCallback): void;
}

const BASE = SMTPConnection.prototype as unknown as ConnectionInternals;
const HOOKED_METHODS = ['_actionGreeting', '_actionEHLO', '_upgradeConnection'] as const;

export function assertHooksAvailable(): void {
  for (const name of HOOKED_METHODS) {
    if (typeof BASE[name] !== 'function') {
      throw new Error(`nodemailer's SMTPConnection has no ${name}(): the probe hooks need updating`);
    }
  }
}

export interface SessionObserver {
  /** Any reply to the connection's first read: the greeting line(s). */
  onGreeting(reply: string): void;
  /**
   * An EHLO reply, before nodemailer acts on it. Return an Error to stop the session here
   * (e.g. STARTTLS required but not offered): nothing more is sent.
   */
  onEhlo(reply: string, secure: boolean): Error | null;
  /** The STARTTLS handshake is about to start (the server said 220 to STARTTLS). */
  onTlsStart(): void;
  /**
   * The STARTTLS handshake finished. Return an Error to refuse the connection (untrusted
   * certificate…): the socket is closed before the next command.
   */
  onTlsEstablished(socket: tls.TLSSocket): Error | null;
}

export class ObservedConnection extends SMTPConnection {
  constructor(
    options: ConstructorParameters<typeof SMTPConnection>[0],
    private readonly observer: SessionObserver,
  ) {
    super(options);
  }

  /** The socket in use: the TLS socket after STARTTLS. */
  get socket(): tls.TLSSocket | null {
    return (this._socket || null) as tls.TLSSocket | null;
  }

  _actionGreeting(str: string): void {
    this.observer.onGreeting(str);
    BASE._actionGreeting.call(this, str);
  }

  _actionEHLO(str: string): void {
    if (/^2/.test(str)) {
      const stop = this.observer.onEhlo(str, this.secure);
      if (stop) {
        this.emit('error', stop);
        this.close();
        return;
      }
    }
    BASE._actionEHLO.call(this, str);
  }

  _upgradeConnection(callback: UpgradeCallback): void {
    this.observer.onTlsStart();
    BASE._upgradeConnection.call(this, (err, secured) => {
      if (err) return callback(err, secured);
      const refusal = this.observer.onTlsEstablished(this._socket as tls.TLSSocket);
      if (refusal) return callback(refusal);
      callback(null, secured);
    });
  }
}
