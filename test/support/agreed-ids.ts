/**
 * Ids the team agreed on (see the brief's "Agreed module APIs"): tests check the code against these
 * lists rather than against itself, so a renamed id fails a test instead of silently breaking links.
 */

/** The Outlook.com guide's step ids (guideId `outlook`), in order. */
export const AGREED_OUTLOOK_STEPS = [
  'server-settings',
  'two-step-verification',
  'app-password',
  'modern-auth',
  'smtp-auth-admin',
  'verify-account',
] as const;
