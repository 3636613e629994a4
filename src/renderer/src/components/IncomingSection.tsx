import { useId, type ReactNode } from 'react';
import type { FoundSetting } from '../../../shared/discovery-types';
import { RECEIVE_PROTOCOLS, type ReceiveProtocol, type SecurityMode } from '../../../shared/probe-types';
import { useI18n } from '../i18n/context';
import { withProtocol, type IncomingForm } from '../lib/incoming-form';
import { FORM_SECURITY_MODES, SECURITY_LABEL_KEYS } from '../lib/security';
import { FoundLabel } from './DiscoveryField';

const PROTOCOL_NAMES: Record<ReceiveProtocol, string> = { imap: 'IMAP', pop3: 'POP3' };

function LabelledField({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: string;
  children: (id: string, hintId?: string) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id, hintId)}
      {hint && (
        <small id={hintId} className="muted">
          {hint}
        </small>
      )}
    </div>
  );
}

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
            <LabelledField label={t('incoming.protocol')}>
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
            </LabelledField>
          </div>
          <div className="row">
            <LabelledField label={t('incoming.host')}>
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
            </LabelledField>
            <LabelledField label={t('incoming.port')}>
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
            </LabelledField>
            <LabelledField label={t('incoming.security')}>
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
            </LabelledField>
          </div>
          <FoundLabel setting={found} provider={provider} testId="found-incoming" />
          <LabelledField
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
          </LabelledField>
        </>
      )}
    </fieldset>
  );
}
