import type { SecurityMode } from '../../../shared/probe-types';
import type { MessageKey } from '../i18n/messages';

/** The words other programs use for each mode ("STARTTLS", "SSL/TLS", none). */
export const SECURITY_LABEL_KEYS: Record<SecurityMode, MessageKey> = {
  starttls: 'security.starttls',
  tls: 'security.tls',
  none: 'security.none',
  auto: 'security.auto',
};

/** The modes offered in the form: `auto` last, since a known setting is better than a guess. */
export const FORM_SECURITY_MODES: readonly SecurityMode[] = ['starttls', 'tls', 'none', 'auto'];
