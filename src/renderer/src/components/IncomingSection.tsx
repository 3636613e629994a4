import { useId } from 'react';
import type { FoundSetting } from '../../../shared/discovery-types';
import { RECEIVE_PROTOCOLS, type ReceiveProtocol, type SecurityMode } from '../../../shared/probe-types';
import { useI18n } from '../i18n/context';
import { withProtocol, type IncomingForm } from '../lib/incoming-form';
import { FORM_SECURITY_MODES, SECURITY_LABEL_KEYS } from '../lib/security';
import { FoundLabel } from './DiscoveryField';
import { Field } from './FormControls';

const PROTOCOL_NAMES: Record<ReceiveProtocol, string> = { imap: 'IMAP', pop3: 'POP3' };

/**
 * The optional incoming server (IMAP or POP3) of the account. Presets and discovery fill it; the
 * login is the account's unless another username is typed here.
 */
export function IncomingSection({
  incoming,
  accountUser,
  onChange,
  found = null,
  provider = null,
}: {
  incoming: IncomingForm;
  /** The account's username, which the incoming server uses when its own is left empty. */
  accountUser: string;
  onChange: (incoming: IncomingForm) => void;
  /** What discovery found for these fields, while they still hold it. */
  found?: FoundSetting | null;
  provider?: string | null;
}) {
  const { t } = useI18n();
  const set = (patch: Partial<IncomingForm>) => onChange({ ...incoming, ...patch });
  const hintId = useId();
  return (
    <fieldset className="incoming" data-testid="incoming-section">
      <legend>{t('incoming.legend')}</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={incoming.enabled}
          aria-describedby={hintId}
          onChange={(e) => set({ enabled: e.target.checked })}
          data-testid="incoming-enabled"
        />
        {t('incoming.enable')}
      </label>
      <small id={hintId} className="muted">
        {t('incoming.enableHint')}
      </small>
      {incoming.enabled && (
        <>
          <div className="incoming-protocol">
            <Field label={t('incoming.protocol')}>
              {(id) => (
                <select
                  id={id}
                  value={incoming.protocol}
                  onChange={(e) => onChange(withProtocol(incoming, e.target.value as ReceiveProtocol))}
                  data-testid="incoming-protocol"
                >
                  {RECEIVE_PROTOCOLS.map((p) => (
                    <option key={p} value={p}>
                      {PROTOCOL_NAMES[p]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <div className="row">
            <Field label={t('incoming.host')}>
              {(id) => (
                <input
                  id={id}
                  value={incoming.host}
                  onChange={(e) => set({ host: e.target.value })}
                  autoComplete="off"
                  spellCheck={false}
                  data-testid="incoming-host"
                />
              )}
            </Field>
            <Field label={t('incoming.port')}>
              {(id) => (
                <input
                  id={id}
                  className="port"
                  inputMode="numeric"
                  value={incoming.port}
                  onChange={(e) => set({ port: e.target.value })}
                  data-testid="incoming-port"
                />
              )}
            </Field>
            <Field label={t('incoming.security')}>
              {(id) => (
                <select
                  id={id}
                  value={incoming.security}
                  onChange={(e) => set({ security: e.target.value as SecurityMode })}
                  data-testid="incoming-security"
                >
                  {FORM_SECURITY_MODES.map((mode) => (
                    <option key={mode} value={mode}>
                      {t(SECURITY_LABEL_KEYS[mode])}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <FoundLabel setting={found} provider={provider} testId="found-incoming" />
          <Field
            label={t('incoming.user')}
            hint={
              accountUser.trim()
                ? t('incoming.userHintSame', { user: accountUser.trim() })
                : t('incoming.userHint')
            }
          >
            {(id, hint) => (
              <input
                id={id}
                value={incoming.user}
                placeholder={accountUser.trim() || undefined}
                aria-describedby={hint}
                onChange={(e) => set({ user: e.target.value })}
                autoComplete="off"
                spellCheck={false}
                data-testid="incoming-user"
              />
            )}
          </Field>
        </>
      )}
    </fieldset>
  );
}
