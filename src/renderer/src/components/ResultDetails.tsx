import type { ProbeResult } from '../../../shared/probe-types';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n/messages';
import { SECURITY_LABEL_KEYS } from '../lib/security';
import { visibleText } from '../../../shared/visible-text';

function Row({ label, value }: { label: MessageKey; value: string | null }) {
  const { t } = useI18n();
  if (value === null || value === '') return null;
  return (
    <div className="kv">
      <dt>{t(label)}</dt>
      <dd>{visibleText(value)}</dd>
    </div>
  );
}

/**
 * The technical facts, on demand: certificate, capabilities, the redacted transcript. Server text
 * is shown through visibleText: React escapes markup, not control characters or bidi overrides.
 */
export function ResultDetails({ result }: { result: ProbeResult }) {
  const { t } = useI18n();
  const { tls, server } = result;
  const yesNo = (v: boolean) => t(v ? 'cert.yes' : 'cert.no');
  return (
    <div className="details" data-testid="details">
      <details>
        <summary>{t('details.certificate')}</summary>
        {tls ? (
          <dl className="kvs">
            <Row label="cert.subject" value={tls.subject} />
            <Row label="cert.issuer" value={tls.issuer} />
            <Row label="cert.names" value={tls.subjectAltNames.join(', ')} />
            <Row
              label="cert.valid"
              value={
                tls.validFrom && tls.validTo
                  ? t('cert.validRange', { from: tls.validFrom, to: tls.validTo })
                  : null
              }
            />
            <Row label="cert.protocol" value={tls.protocol} />
            <Row label="cert.cipher" value={tls.cipher} />
            <Row label="cert.fingerprint" value={tls.fingerprint256} />
            <Row
              label="cert.trusted"
              value={yesNo(tls.trusted) + (tls.trustError ? ` (${tls.trustError})` : '')}
            />
            <Row label="cert.hostname" value={yesNo(tls.hostnameMatches)} />
          </dl>
        ) : (
          <p>{t('details.none')}</p>
        )}
      </details>
      <details>
        <summary>{t('details.capabilities')}</summary>
        <dl className="kvs">
          <Row label="caps.address" value={server.address} />
          <Row
            label="caps.securityUsed"
            value={server.securityUsed && t(SECURITY_LABEL_KEYS[server.securityUsed])}
          />
          <Row label="caps.auth" value={server.authMechanisms.join(' ')} />
        </dl>
        {server.capabilities.length > 0 ? (
          <ul className="caps">
            {server.capabilities.map((cap) => (
              <li key={cap}>
                <code>{visibleText(cap)}</code>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('details.none')}</p>
        )}
      </details>
      <details>
        <summary>{t('details.transcript')}</summary>
        {result.transcript.length > 0 ? (
          <pre className="transcript" data-testid="transcript">
            {result.transcript
              .map((line) => `${String(line.t).padStart(6)} ${DIR_MARK[line.dir]} ${visibleText(line.text)}`)
              .join('\n')}
          </pre>
        ) : (
          <p>{t('details.none')}</p>
        )}
      </details>
    </div>
  );
}

/** Transcript direction marks as mail tools print them (C: client, S: server, *: note). */
const DIR_MARK = { client: 'C:', server: 'S:', info: '* ' } as const;
