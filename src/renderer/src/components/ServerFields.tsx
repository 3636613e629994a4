import type { SecurityMode } from '../../../shared/probe-types';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n/messages';
import { FORM_SECURITY_MODES, SECURITY_LABEL_KEYS } from '../lib/security';
import { Field } from './FormControls';

export interface ServerValues {
  host: string;
  port: string;
  security: SecurityMode;
}

/**
 * One server's host, port and security on a row: the sending server and the incoming one use the
 * same controls, with their own labels and test ids.
 */
export function ServerFields({
  values,
  onChange,
  labels,
  testIdPrefix = '',
  invalidProps = () => ({}),
}: {
  values: ServerValues;
  onChange: (patch: Partial<ServerValues>) => void;
  labels: { host: MessageKey; port: MessageKey; security: MessageKey };
  /** '' for the sending server (`host`, `port`, `security`), 'incoming-' for the incoming one. */
  testIdPrefix?: string;
  /** aria-invalid and its message, for the fields the form refused. */
  invalidProps?: (field: 'host' | 'port') => Record<string, unknown>;
}) {
  const { t } = useI18n();
  return (
    <div className="row">
      <Field label={t(labels.host)}>
        {(id) => (
          <input
            id={id}
            value={values.host}
            onChange={(e) => onChange({ host: e.target.value })}
            autoComplete="off"
            spellCheck={false}
            {...invalidProps('host')}
            data-testid={`${testIdPrefix}host`}
          />
        )}
      </Field>
      <Field label={t(labels.port)}>
        {(id) => (
          <input
            id={id}
            className="port"
            inputMode="numeric"
            value={values.port}
            onChange={(e) => onChange({ port: e.target.value })}
            {...invalidProps('port')}
            data-testid={`${testIdPrefix}port`}
          />
        )}
      </Field>
      <Field label={t(labels.security)}>
        {(id) => (
          <select
            id={id}
            value={values.security}
            onChange={(e) => onChange({ security: e.target.value as SecurityMode })}
            data-testid={`${testIdPrefix}security`}
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
  );
}
