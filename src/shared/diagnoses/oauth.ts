import type { DiagnosisEntry } from './types';

/**
 * What can go wrong with "Sign in with Microsoft" (Modern Auth / OAuth2) and with the XOAUTH2
 * login that uses its token. Ids are stable: reports and links use them.
 * Pure data (no Node or DOM APIs): the renderer imports this file.
 */

export const OAUTH_DIAGNOSIS_IDS = {
  consentRequired: 'oauth.consent-required',
  accountTypeNotAllowed: 'oauth.account-type-not-allowed',
  grantExpired: 'oauth.grant-expired',
  tokenRejected: 'oauth.token-rejected',
  cancelled: 'oauth.cancelled',
  clientIdMissing: 'oauth.client-id-missing',
  timedOut: 'oauth.timed-out',
  failed: 'oauth.failed',
} as const;

export type OAuthDiagnosisId = (typeof OAUTH_DIAGNOSIS_IDS)[keyof typeof OAUTH_DIAGNOSIS_IDS];

const MODERN_AUTH_GUIDE = { guideId: 'outlook', stepId: 'modern-auth' } as const;
const SMTP_AUTH_ADMIN_GUIDE = { guideId: 'outlook', stepId: 'smtp-auth-admin' } as const;

export const OAUTH_DIAGNOSES: DiagnosisEntry[] = [
  {
    id: OAUTH_DIAGNOSIS_IDS.consentRequired,
    step: 'auth',
    title: {
      en: 'Permission to send mail was not granted',
      it: "L'autorizzazione a inviare posta non è stata concessa",
    },
    explanation: {
      en: 'Microsoft did not give Mailcheck permission to send mail for this account. Either the consent screen was not accepted, or the organisation only lets an administrator approve new apps.',
      it: "Microsoft non ha dato a Mailcheck il permesso di inviare posta per questo account. La schermata di consenso non è stata accettata, oppure l'organizzazione permette solo a un amministratore di approvare nuove app.",
    },
    advice: [
      {
        en: 'Sign in with Microsoft again and choose "Accept" when asked to allow sending mail (SMTP.Send).',
        it: 'Accedi di nuovo con Microsoft e scegli "Accetta" quando ti chiede di consentire l\'invio di posta (SMTP.Send).',
      },
      {
        en: 'If Microsoft says "Need admin approval", ask your Microsoft 365 administrator to grant consent for the app (Entra admin center → Enterprise applications → the app → Permissions → Grant admin consent).',
        it: "Se Microsoft dice \"Richiesta approvazione amministratore\", chiedi all'amministratore di Microsoft 365 di concedere il consenso all'app (Interfaccia di amministrazione di Entra → Applicazioni aziendali → l'app → Autorizzazioni → Concedi consenso amministratore).",
      },
      {
        en: 'Check that the app registration lists the delegated permission SMTP.Send (Office 365 Exchange Online).',
        it: "Verifica che la registrazione dell'app includa l'autorizzazione delegata SMTP.Send (Office 365 Exchange Online).",
      },
    ],
    guide: MODERN_AUTH_GUIDE,
  },
  {
    id: OAUTH_DIAGNOSIS_IDS.accountTypeNotAllowed,
    step: 'auth',
    title: {
      en: 'This app cannot sign in this kind of account',
      it: 'Questa app non può far accedere questo tipo di account',
    },
    explanation: {
      en: 'Microsoft refused the sign-in because the app registration (client id) does not accept this account: it was not found, it only allows accounts of one organisation, or it does not allow personal Microsoft accounts (Outlook.com, Hotmail, Live).',
      it: "Microsoft ha rifiutato l'accesso perché la registrazione dell'app (client id) non accetta questo account: non è stata trovata, accetta solo gli account di un'organizzazione, oppure non accetta gli account Microsoft personali (Outlook.com, Hotmail, Live).",
    },
    advice: [
      {
        en: 'Check the client id: it must be the "Application (client) ID" of your own app registration, copied exactly.',
        it: 'Controlla il client id: deve essere l\'"ID applicazione (client)" della tua registrazione, copiato esattamente.',
      },
      {
        en: 'In the app registration, set "Supported account types" to "Accounts in any organizational directory and personal Microsoft accounts".',
        it: 'Nella registrazione dell\'app imposta "Tipi di account supportati" su "Account in qualsiasi directory organizzativa e account Microsoft personali".',
      },
      {
        en: 'Use the right tenant: "consumers" for Outlook.com/Hotmail, "organizations" or your tenant id for Microsoft 365.',
        it: 'Usa il tenant giusto: "consumers" per Outlook.com/Hotmail, "organizations" o l\'id del tuo tenant per Microsoft 365.',
      },
      {
        en: 'For the code shown on screen (device code) the registration must also have "Allow public client flows" set to Yes.',
        it: 'Per il codice mostrato a schermo (device code) la registrazione deve avere anche "Consenti flussi client pubblici" impostato su Sì.',
      },
    ],
    guide: MODERN_AUTH_GUIDE,
  },
  {
    id: OAUTH_DIAGNOSIS_IDS.grantExpired,
    step: 'auth',
    title: {
      en: 'The saved Microsoft sign-in has expired',
      it: "L'accesso Microsoft salvato è scaduto",
    },
    explanation: {
      en: 'The sign-in saved in the keychain is no longer valid: it expired, the password was changed, or access was revoked. This is normal after a while.',
      it: "L'accesso salvato nel portachiavi non è più valido: è scaduto, la password è stata cambiata oppure l'accesso è stato revocato. Dopo un po' di tempo è normale.",
    },
    advice: [
      {
        en: 'Sign in with Microsoft again: Mailcheck will replace the saved sign-in.',
        it: "Accedi di nuovo con Microsoft: Mailcheck sostituirà l'accesso salvato.",
      },
      {
        en: 'If it keeps expiring, check at https://account.microsoft.com/privacy/app-access (personal) or with your administrator (work) that the app is still allowed.',
        it: "Se continua a scadere, controlla su https://account.microsoft.com/privacy/app-access (account personale) o con l'amministratore (account di lavoro) che l'app sia ancora autorizzata.",
      },
    ],
    guide: MODERN_AUTH_GUIDE,
  },
  {
    id: OAUTH_DIAGNOSIS_IDS.tokenRejected,
    step: 'auth',
    title: {
      en: 'The mail server refused the Microsoft sign-in',
      it: "Il server di posta ha rifiutato l'accesso Microsoft",
    },
    explanation: {
      en: 'Sign-in with Microsoft worked, but the mail server did not accept the token. Usually the token was issued for the wrong account or without the SMTP.Send permission, or SMTP sending is switched off for this mailbox.',
      it: "L'accesso con Microsoft è riuscito, ma il server di posta non ha accettato il token. Di solito il token è stato emesso per un altro account o senza l'autorizzazione SMTP.Send, oppure l'invio SMTP è disattivato per questa casella.",
    },
    advice: [
      {
        en: 'Check that the user name is exactly the address you signed in with ({user}).',
        it: "Controlla che il nome utente sia esattamente l'indirizzo con cui hai fatto l'accesso ({user}).",
      },
      {
        en: 'Sign in with Microsoft again so that a fresh token with the SMTP.Send permission is issued.',
        it: "Accedi di nuovo con Microsoft così da ottenere un token nuovo con l'autorizzazione SMTP.Send.",
      },
      {
        en: 'For Microsoft 365 mailboxes, ask the administrator to enable Authenticated SMTP for this mailbox.',
        it: "Per le caselle Microsoft 365, chiedi all'amministratore di attivare SMTP autenticato per questa casella.",
      },
    ],
    guide: SMTP_AUTH_ADMIN_GUIDE,
  },
  {
    id: OAUTH_DIAGNOSIS_IDS.cancelled,
    step: 'auth',
    title: {
      en: 'Sign-in with Microsoft was not completed',
      it: 'Accesso con Microsoft non completato',
    },
    explanation: {
      en: 'The sign-in was cancelled or the page was closed before it finished, so there is no token to test with.',
      it: "L'accesso è stato annullato o la pagina è stata chiusa prima della fine, quindi non c'è un token con cui fare la prova.",
    },
    advice: [
      {
        en: 'Start "Sign in with Microsoft" again and complete every step in the browser.',
        it: 'Avvia di nuovo "Accedi con Microsoft" e completa tutti i passaggi nel browser.',
      },
      {
        en: 'With a code on screen, enter it at the address shown before it expires (about 15 minutes).',
        it: "Con il codice a schermo, inseriscilo all'indirizzo indicato prima che scada (circa 15 minuti).",
      },
    ],
    guide: MODERN_AUTH_GUIDE,
  },
  {
    id: OAUTH_DIAGNOSIS_IDS.clientIdMissing,
    step: 'auth',
    title: {
      en: 'No app (client id) configured for Sign in with Microsoft',
      it: "Nessuna app (client id) configurata per l'accesso con Microsoft",
    },
    explanation: {
      en: 'To sign in with Microsoft, Mailcheck needs the client id of an app registered in Microsoft Entra. Mailcheck does not ship one borrowed from another program.',
      it: "Per accedere con Microsoft, Mailcheck ha bisogno del client id di un'app registrata in Microsoft Entra. Mailcheck non ne include uno preso in prestito da un altro programma.",
    },
    advice: [
      {
        en: 'Register an app in the Entra admin center (see docs/oauth.md) and copy its "Application (client) ID".',
        it: 'Registra un\'app nell\'interfaccia di amministrazione di Entra (vedi docs/oauth.md) e copia il suo "ID applicazione (client)".',
      },
      {
        en: 'Enter it in the account settings, or pass --client-id (or set MAILCHECK_MS_CLIENT_ID) on the command line.',
        it: "Inseriscilo nelle impostazioni dell'account, oppure usa --client-id (o la variabile MAILCHECK_MS_CLIENT_ID) dalla riga di comando.",
      },
    ],
    guide: MODERN_AUTH_GUIDE,
  },
  {
    id: OAUTH_DIAGNOSIS_IDS.timedOut,
    step: 'auth',
    title: {
      en: 'Microsoft sign-in did not answer in time',
      it: "L'accesso Microsoft non ha risposto in tempo",
    },
    explanation: {
      en: 'Mailcheck could not reach the Microsoft sign-in service, or it did not answer in time.',
      it: 'Mailcheck non è riuscito a raggiungere il servizio di accesso Microsoft, oppure non ha risposto in tempo.',
    },
    advice: [
      {
        en: 'Check the internet connection and that https://login.microsoftonline.com opens in the browser.',
        it: 'Controlla la connessione a internet e che https://login.microsoftonline.com si apra nel browser.',
      },
      {
        en: 'If a proxy or firewall is in use, allow login.microsoftonline.com, then try again.',
        it: 'Se usi un proxy o un firewall, consenti login.microsoftonline.com, poi riprova.',
      },
    ],
    guide: MODERN_AUTH_GUIDE,
  },
  {
    id: OAUTH_DIAGNOSIS_IDS.failed,
    step: 'auth',
    title: {
      en: 'Sign-in with Microsoft failed',
      it: 'Accesso con Microsoft non riuscito',
    },
    explanation: {
      en: 'Microsoft answered with an error Mailcheck does not know yet. Its exact words are shown below.',
      it: 'Microsoft ha risposto con un errore che Mailcheck non conosce ancora. Le sue parole esatte sono riportate qui sotto.',
    },
    advice: [
      {
        en: 'Try signing in again.',
        it: "Riprova l'accesso.",
      },
      {
        en: 'Look up the AADSTS code of the error at https://login.microsoftonline.com/error and copy the report into your support request.',
        it: "Cerca il codice AADSTS dell'errore su https://login.microsoftonline.com/error e copia il rapporto nella richiesta di assistenza.",
      },
    ],
    guide: MODERN_AUTH_GUIDE,
  },
];

/**
 * How an OAuth error maps to a diagnosis: as data, first match wins. `aadsts` matches the
 * `AADSTSnnnn:` code Microsoft puts at the start of error_description; `error` matches the
 * RFC 6749 / RFC 8628 error code. Listed most specific first.
 */
export interface OAuthErrorRule {
  aadsts?: readonly string[];
  error?: readonly string[];
  diagnosisId: OAuthDiagnosisId;
}

export const OAUTH_ERROR_RULES: readonly OAuthErrorRule[] = [
  // AADSTS65001 consent missing; 90094 / 90095 admin approval needed; 65004 user declined consent.
  { aadsts: ['65004'], diagnosisId: OAUTH_DIAGNOSIS_IDS.cancelled },
  { aadsts: ['65001', '90094', '90095'], diagnosisId: OAUTH_DIAGNOSIS_IDS.consentRequired },
  // 50020 user from another tenant / account type; 700016 app not found in the directory;
  // 50194 app is single-tenant; 700051 / 70002 / 7000218 app not allowed for this flow.
  {
    aadsts: ['50020', '700016', '50194', '700051', '70002', '7000218', '9002331'],
    diagnosisId: OAUTH_DIAGNOSIS_IDS.accountTypeNotAllowed,
  },
  // 70008 expired grant; 50173 grant revoked after password change; 700082 expired for inactivity;
  // 70043 expired by Conditional Access sign-in frequency; 700084 SPA token expired.
  {
    aadsts: ['70008', '50173', '700082', '70043', '700084', '54005'],
    diagnosisId: OAUTH_DIAGNOSIS_IDS.grantExpired,
  },
  // 70016 authorization_pending reported at expiry; 70019 device code expired.
  { aadsts: ['70019'], diagnosisId: OAUTH_DIAGNOSIS_IDS.cancelled },
  { error: ['consent_required', 'interaction_required'], diagnosisId: OAUTH_DIAGNOSIS_IDS.consentRequired },
  {
    error: ['unauthorized_client', 'invalid_client'],
    diagnosisId: OAUTH_DIAGNOSIS_IDS.accountTypeNotAllowed,
  },
  { error: ['invalid_grant'], diagnosisId: OAUTH_DIAGNOSIS_IDS.grantExpired },
  {
    error: ['access_denied', 'authorization_declined', 'expired_token', 'authorization_pending'],
    diagnosisId: OAUTH_DIAGNOSIS_IDS.cancelled,
  },
];

/** The AADSTS number in a Microsoft error_description (`AADSTS70008: The provided…`), if any. */
export function aadstsCode(description: string | undefined | null): string | null {
  const match = /\bAADSTS(\d{4,9})\b/.exec(description ?? '');
  return match?.[1] ?? null;
}

/** The diagnosis for an OAuth error answer; `oauth.failed` when no rule matches. */
export function oauthDiagnosisIdFor(
  error: string | undefined | null,
  description?: string | null,
): OAuthDiagnosisId {
  const code = aadstsCode(description);
  if (code !== null) {
    const byCode = OAUTH_ERROR_RULES.find((rule) => rule.aadsts?.includes(code));
    if (byCode) return byCode.diagnosisId;
  }
  const byError = OAUTH_ERROR_RULES.find((rule) => error != null && rule.error?.includes(error));
  return byError?.diagnosisId ?? OAUTH_DIAGNOSIS_IDS.failed;
}
