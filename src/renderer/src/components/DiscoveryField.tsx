import type { FoundSetting } from '../../../shared/discovery-types';
import { useI18n } from '../i18n/context';
import { uiErrorMessage } from '../lib/api';
import { presetOfHost, sourceLabel } from '../lib/discovery-form';
import type { DiscoveryState } from '../hooks/useDiscovery';

/** Under the address: what the search for the settings is doing, and what it found. */
export function DiscoveryStatus({ state }: { state: DiscoveryState }) {
  const { t, lang } = useI18n();
  if (state.kind === 'idle') return null;
  if (state.kind === 'searching') {
    return (
      <p
        className="discovery-status muted"
        role="status"
        data-testid="discovery-status"
        data-state="searching"
      >
        <span className="spinner-inline" aria-hidden="true" />
        {t('discovery.searching', { domain: state.domain })} {t('discovery.noPassword')}
      </p>
    );
  }
  if (state.kind === 'failed') {
    return (
      <p className="discovery-status muted" role="status" data-testid="discovery-status" data-state="failed">
        {t('discovery.failed', { message: uiErrorMessage(state.error, lang) })}
      </p>
    );
  }
  const { answer } = state;
  if (answer.cancelled) return null;
  const anything = answer.smtp || answer.imap || answer.pop3;
  const seconds = (answer.totalMs / 1000).toFixed(1);
  const text = !anything
    ? t('discovery.nothing', { domain: answer.domain })
    : answer.provider
      ? t('discovery.foundProvider', { domain: answer.domain, provider: answer.provider, seconds })
      : t('discovery.found', { domain: answer.domain, seconds });
  // A provider Mailcheck has a preset for (Microsoft 365…) says so itself, with its notes and the
  // sign-in choice; the note is for the others (Google Workspace found by MX, an ISPDB entry…).
  const preset = answer.smtp ? presetOfHost(answer.smtp.host) : null;
  return (
    <div
      className="discovery-status"
      role="status"
      data-testid="discovery-status"
      data-state={anything ? 'found' : 'nothing'}
    >
      <p className={anything ? 'detected' : 'muted'}>{text}</p>
      {answer.oauth && !preset?.auth.oauthRecommended && (
        <p className="muted" data-testid="discovery-oauth">
          {t('discovery.oauthOther')}
        </p>
      )}
    </div>
  );
}

/** "Found via …" next to a server's fields, while they hold what discovery put there. */
export function FoundLabel({
  setting,
  provider,
  testId,
}: {
  setting: FoundSetting | null;
  provider: string | null;
  testId: string;
}) {
  const { t } = useI18n();
  if (!setting) return null;
  const { key, params } = sourceLabel(setting, provider);
  return (
    <div
      className="found-label"
      data-testid={testId}
      data-source={setting.source}
      data-verified={setting.verified}
    >
      <span className="found-via">
        {t(key, params)} · {t(setting.verified ? 'discovery.verified' : 'discovery.notVerified')}
      </span>
      {setting.flags.includes('http') && <span className="found-flag">{t('discovery.flag.http')}</span>}
      {setting.flags.includes('dns-pointer') && (
        <span className="found-flag">{t('discovery.flag.dnsPointer')}</span>
      )}
      {setting.flags.includes('foreign-host') && (
        <span className="found-flag">{t('discovery.flag.foreign')}</span>
      )}
    </div>
  );
}
