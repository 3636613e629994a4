import type { ProbeResult } from '../../../shared/probe-types';
import { securityWording, type Usage } from '../../../shared/usage';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n/messages';
import { SECURITY_LABEL_KEYS } from '../lib/security';
import { CopyButton } from './CopyButton';

/** "Settings that work": each value with its own copy button, in the words other programs use. */
export function SettingsCard({ result, usage = null }: { result: ProbeResult; usage?: Usage | null }) {
  const { t, l } = useI18n();
  const security = result.server.securityUsed ?? result.request.security;
  // How the program these settings are for names the security choice.
  const wording = usage ? securityWording(usage.kind, security) : null;
  const fields: { key: MessageKey; value: string }[] = [
    { key: 'result.field.server', value: result.request.host },
    { key: 'result.field.port', value: String(result.request.port) },
    { key: 'result.field.security', value: t(SECURITY_LABEL_KEYS[security]) },
  ];
  if (result.request.user) fields.push({ key: 'result.field.username', value: result.request.user });
  return (
    <section className="card card-ok" aria-labelledby="result-ok-heading" data-testid="settings-card">
      <h2 id="result-ok-heading" tabIndex={-1}>
        {t('result.okHeading')}
      </h2>
      <p>{t('result.okIntro')}</p>
      <dl className="settings">
        {fields.map((f) => (
          <div key={f.key} className="setting" data-field={f.key}>
            <dt>{t(f.key)}</dt>
            <dd>
              <code>{f.value}</code>
              <CopyButton value={f.value} label={t('result.copyLabel', { field: t(f.key) })} />
            </dd>
          </div>
        ))}
      </dl>
      {wording && (
        <p className="program-wording" data-testid="program-wording">
          {t('program.wording', { text: l(wording) })}
        </p>
      )}
    </section>
  );
}
