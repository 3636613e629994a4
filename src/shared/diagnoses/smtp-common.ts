/** Guide links shared by the SMTP diagnosis families. */
export const OUTLOOK = 'outlook';

/** Connection problems: for Microsoft's hosts, the Outlook.com server settings fix them. */
export const OUTLOOK_SERVER_SETTINGS = {
  guideId: OUTLOOK,
  stepId: 'server-settings',
  audience: 'microsoft',
} as const;
