/**
 * Ids the team agreed on (see the brief's "Agreed module APIs"): tests check the code against these
 * lists rather than against itself, so a renamed id fails a test instead of silently breaking links.
 */

/** The Outlook.com guide's step ids (guideId `outlook`), in order (reordered by issue 12: app passwords last). */
export const AGREED_OUTLOOK_STEPS = [
  'server-settings',
  'modern-auth',
  'cannot-sign-in',
  'smtp-auth-admin',
  'verify-account',
  'two-step-verification',
  'app-password',
] as const;
