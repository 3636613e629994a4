import { useId } from 'react';
import type { FoundSetting } from '../../../shared/discovery-types';
import { RECEIVE_PROTOCOLS, type ReceiveProtocol } from '../../../shared/probe-types';
import { useI18n } from '../i18n/context';
import { withProtocol, type IncomingForm } from '../lib/incoming-form';
import { FoundLabel } from './DiscoveryField';
import { Field } from './FormControls';
import { ServerFields } from './ServerFields';

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
          <ServerFields
            values={incoming}
            onChange={set}
            labels={{ host: 'incoming.host', port: 'incoming.port', security: 'incoming.security' }}
            testIdPrefix="incoming-"
          />
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
