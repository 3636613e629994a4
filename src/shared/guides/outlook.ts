import type { Guide } from './types';

/**
 * Outlook.com / Hotmail (and Microsoft 365) SMTP guide, in the order that works today: server
 * settings, Sign in with Microsoft, what works when the program cannot sign in, and app passwords
 * last (Outlook.com refuses them since September 2024). Facts taken from the Italian help page the
 * product started from, corrected where it is wrong (it labels port 587 "SSL/TLS": on 587 the
 * connection starts in plain text and is upgraded with STARTTLS) and updated to Microsoft's policy
 * as of the `checked` date. The step ids are agreed with the diagnosis catalogue: never rename them.
 */
export const OUTLOOK_GUIDE: Guide = {
  id: 'outlook',
  providerIds: ['outlook', 'microsoft365'],
  title: {
    en: 'Outlook.com / Hotmail: sending mail from another program',
    it: 'Outlook.com / Hotmail: inviare posta da un altro programma',
  },
  intro: {
    en: 'Follow the steps in order. Each one says what to set or where to click; the pictures are simplified drawings of Microsoft’s pages.',
    it: 'Segui i passaggi in ordine. Ognuno dice cosa impostare o dove cliccare; le figure sono disegni semplificati delle pagine Microsoft.',
  },
  notice: {
    checked: '2026-12-02',
    title: {
      en: 'Important: Outlook.com refuses passwords from other programs',
      it: 'Importante: Outlook.com rifiuta le password degli altri programmi',
    },
    body: [
      {
        en: 'Since September 2024, personal Outlook.com and Hotmail accounts expect third-party programs to use Modern Auth (“Sign in with Microsoft”). Your password and app passwords are refused, with “535 5.7.139 … basic authentication is disabled”. A program that cannot sign in with Microsoft cannot send from Outlook.com: step 3 says what works instead.',
        it: 'Da settembre 2024 gli account personali Outlook.com e Hotmail richiedono che i programmi di terze parti usino la Modern Auth («Accedi con Microsoft»). La password e le password per le app vengono rifiutate, con «535 5.7.139 … basic authentication is disabled». Un programma che non sa accedere con Microsoft non può inviare da Outlook.com: il passaggio 3 dice cosa funziona invece.',
      },
      {
        en: 'Microsoft 365 (work or school) switches off Basic authentication for SMTP AUTH by default at the end of December 2026; after that the server answers “550 5.7.30 Basic authentication is not supported for Client Submission”. An administrator can switch it back on for a mailbox until the final removal, which Microsoft will date in the second half of 2027.',
        it: 'Microsoft 365 (lavoro o scuola) disattiva di default l’autenticazione di base per SMTP AUTH a fine dicembre 2026; da quel momento il server risponde «550 5.7.30 Basic authentication is not supported for Client Submission». Un amministratore può riattivarla per una casella fino alla rimozione definitiva, di cui Microsoft darà la data nella seconda metà del 2027.',
      },
    ],
    stepId: 'modern-auth',
  },
  steps: [
    {
      id: 'server-settings',
      title: { en: '1. Outgoing server settings', it: '1. Impostazioni del server in uscita' },
      body: [
        {
          en: 'Outlook.com and Hotmail addresses (outlook.com, hotmail.com, live.com and their country versions) send through the same server. Type these values in your program:',
          it: 'Gli indirizzi Outlook.com e Hotmail (outlook.com, hotmail.com, live.com e le versioni nazionali) inviano tutti dallo stesso server. Inserisci questi valori nel tuo programma:',
        },
        {
          en: 'Server smtp-mail.outlook.com · port 587 · security STARTTLS · authentication required · username: your full address · sign-in: “Sign in with Microsoft” (OAuth2), since Outlook.com refuses passwords from other programs (step 2).',
          it: 'Server smtp-mail.outlook.com · porta 587 · sicurezza STARTTLS · autenticazione obbligatoria · nome utente: il tuo indirizzo completo · accesso: «Accedi con Microsoft» (OAuth2), perché Outlook.com rifiuta le password degli altri programmi (passaggio 2).',
        },
        {
          en: 'Some old instructions call port 587 “SSL/TLS”. That is not what most programs mean by SSL/TLS (a connection encrypted from the first byte, used on port 465): on 587 choose STARTTLS, or the connection will hang or fail.',
          it: 'Alcune vecchie istruzioni chiamano la porta 587 «SSL/TLS». Non è ciò che la maggior parte dei programmi intende con SSL/TLS (connessione cifrata dal primo byte, usata sulla porta 465): sulla 587 scegli STARTTLS, altrimenti la connessione si blocca o fallisce.',
        },
        {
          en: 'Microsoft 365 work or school accounts use smtp.office365.com with the same port and security.',
          it: 'Gli account Microsoft 365 di lavoro o scuola usano smtp.office365.com con la stessa porta e la stessa sicurezza.',
        },
      ],
      actions: [],
      image: 'outlook/server-settings.{lang}.svg',
      imageAlt: {
        en: 'Illustration (not a real screenshot): a settings form filled in with smtp-mail.outlook.com, port 587, STARTTLS.',
        it: 'Illustrazione (non uno screenshot reale): un modulo di impostazioni compilato con smtp-mail.outlook.com, porta 587, STARTTLS.',
      },
    },
    {
      id: 'modern-auth',
      title: {
        en: '2. Sign in with Microsoft (Modern Auth)',
        it: '2. Accedi con Microsoft (Modern Auth)',
      },
      body: [
        {
          en: 'Modern Auth (OAuth 2.0) lets you sign in on Microsoft’s own page, in your browser, with two-step verification if you use it. The program never sees your password: it receives a permission to send mail, which you can withdraw at any time.',
          it: 'La Modern Auth (OAuth 2.0) ti fa accedere sulla pagina di Microsoft, nel browser, con la verifica in due passaggi se la usi. Il programma non vede mai la tua password: riceve un permesso di inviare posta, che puoi revocare quando vuoi.',
        },
        {
          en: 'This is what Microsoft requires for personal accounts since September 2024, and what Microsoft 365 needs once password sign-in for SMTP AUTH is off (by default from the end of December 2026). Mailcheck keeps the permission in your system keychain.',
          it: 'È ciò che Microsoft richiede per gli account personali da settembre 2024, e che serve a Microsoft 365 quando l’accesso con password per SMTP AUTH è disattivato (di default da fine dicembre 2026). Mailcheck conserva il permesso nel portachiavi del sistema.',
        },
      ],
      actions: [
        {
          en: 'On the Account screen choose “Sign in with Microsoft (OAuth2)” (the Outlook.com preset chooses it for you), then press “Sign in with Microsoft” (there or here). Signing in saves the account.',
          it: 'Nella schermata Account scegli «Accedi con Microsoft (OAuth2)» (il preset Outlook.com lo sceglie per te), poi premi «Accedi con Microsoft» (lì o qui). L’accesso salva l’account.',
        },
        {
          en: 'Sign in in the browser page that opens and accept the “Send email” permission.',
          it: 'Accedi nella pagina del browser che si apre e accetta il permesso «Invia posta».',
        },
        {
          en: 'Back in Mailcheck, run the test again.',
          it: 'Torna in Mailcheck e ripeti il test.',
        },
      ],
      image: 'outlook/modern-auth.{lang}.svg',
      imageAlt: {
        en: 'Illustration (not a real screenshot): a Microsoft sign-in page asking to let Mailcheck send email as you.',
        it: 'Illustrazione (non uno screenshot reale): una pagina di accesso Microsoft che chiede di consentire a Mailcheck di inviare posta a tuo nome.',
      },
      action: 'oauth-sign-in',
    },
    {
      id: 'cannot-sign-in',
      title: {
        en: '3. My program cannot sign in with Microsoft: what works',
        it: '3. Il mio programma non sa accedere con Microsoft: cosa funziona',
      },
      body: [
        {
          en: 'Website builders, online shops, many WordPress plugins, printers and scanners only have a password field. With Outlook.com that cannot work since September 2024: no setting changes it.',
          it: 'Costruttori di siti, negozi online, molti plugin di WordPress, stampanti e scanner hanno solo il campo password. Con Outlook.com da settembre 2024 non può funzionare: nessuna impostazione lo cambia.',
        },
        {
          en: 'What works: the mailbox of your own domain at your hosting provider, Gmail with an app password, or a transactional sending service (Brevo, Mailjet, SendGrid, Amazon SES, Postmark). The guide “A program that only has a password field” explains each, and Mailcheck tests each in one click.',
          it: 'Cosa funziona: la casella del tuo dominio presso il provider dell’hosting, Gmail con una password per le app, o un servizio di invio transazionale (Brevo, Mailjet, SendGrid, Amazon SES, Postmark). La guida «Un programma che ha solo il campo password» le spiega tutte, e Mailcheck le verifica con un clic.',
        },
      ],
      actions: [
        {
          en: 'Open that guide with the button below and pick the option that suits you.',
          it: 'Apri quella guida con il pulsante qui sotto e scegli la soluzione adatta a te.',
        },
      ],
      image: 'password-only/why.{lang}.svg',
      imageAlt: {
        en: 'Illustration (not a real screenshot): a website builder’s password form, Outlook.com’s refusal, and the options that work.',
        it: 'Illustrazione (non uno screenshot reale): il modulo con password di un costruttore di siti, il rifiuto di Outlook.com e le soluzioni che funzionano.',
      },
      link: { guideId: 'password-only', stepId: 'why' },
    },
    {
      id: 'smtp-auth-admin',
      title: {
        en: '4. Microsoft 365: an administrator enables Authenticated SMTP',
        it: '4. Microsoft 365: un amministratore abilita l’SMTP autenticato',
      },
      body: [
        {
          en: 'In work or school accounts, sending from a program through SMTP (“Authenticated SMTP”, SMTP AUTH) is off unless an administrator turns it on, for the whole organisation or for your mailbox. It is needed with Sign in with Microsoft too. Password sign-in for SMTP AUTH is off by default from the end of December 2026; an administrator can switch it back on for the mailbox until the final removal, which Microsoft will date in the second half of 2027.',
          it: 'Negli account di lavoro o scuola, l’invio da un programma tramite SMTP («SMTP autenticato», SMTP AUTH) è spento finché un amministratore non lo accende, per tutta l’organizzazione o per la tua casella. Serve anche con Accedi con Microsoft. L’accesso con password per SMTP AUTH è disattivato di default da fine dicembre 2026; un amministratore può riattivarlo per la casella fino alla rimozione definitiva, di cui Microsoft darà la data nella seconda metà del 2027.',
        },
      ],
      actions: [
        {
          en: 'Ask your administrator to open the Microsoft 365 admin center → Users → Active users → your user → Mail → “Manage email apps”.',
          it: 'Chiedi all’amministratore di aprire l’interfaccia di amministrazione di Microsoft 365 → Utenti → Utenti attivi → il tuo utente → Posta → «Gestisci app di posta elettronica».',
        },
        {
          en: 'Tick “Authenticated SMTP” and save. It can take up to an hour to apply.',
          it: 'Chiedi di spuntare «SMTP autenticato» e di salvare. Può servire fino a un’ora perché abbia effetto.',
        },
      ],
      image: 'outlook/smtp-auth-admin.{lang}.svg',
      imageAlt: {
        en: 'Illustration (not a real screenshot): the “Manage email apps” panel with “Authenticated SMTP” ticked.',
        it: 'Illustrazione (non uno screenshot reale): il pannello «Gestisci app di posta elettronica» con «SMTP autenticato» spuntato.',
      },
    },
    {
      id: 'verify-account',
      title: {
        en: '5. Outlook.com asks to verify the account',
        it: '5. Outlook.com chiede di verificare l’account',
      },
      body: [
        {
          en: 'New accounts, or accounts that sent unusual amounts of mail, can be blocked from sending until you prove you are a person. The server then refuses messages even though sign-in worked.',
          it: 'Gli account nuovi, o che hanno inviato quantità insolite di posta, possono essere bloccati nell’invio finché non dimostri di essere una persona. Il server allora rifiuta i messaggi anche se l’accesso è riuscito.',
        },
      ],
      actions: [
        {
          en: 'Sign in at outlook.com in a browser and send one message from there: follow the verification it asks for (usually a code by SMS or email).',
          it: 'Accedi a outlook.com dal browser e invia un messaggio da lì: segui la verifica richiesta (di solito un codice via SMS o email).',
        },
        {
          en: 'Wait a few minutes, then run the test again with a test message.',
          it: 'Attendi qualche minuto, poi ripeti il test con un messaggio di prova.',
        },
      ],
      image: 'outlook/verify-account.{lang}.svg',
      imageAlt: {
        en: 'Illustration (not a real screenshot): the Outlook.com web page asking to verify the account with a code.',
        it: 'Illustrazione (non uno screenshot reale): la pagina web di Outlook.com che chiede di verificare l’account con un codice.',
      },
    },
    {
      id: 'two-step-verification',
      title: { en: '6. Two-step verification', it: '6. Verifica in due passaggi' },
      body: [
        {
          en: 'Two-step verification asks for a second proof (a code or an app confirmation) besides the password when you sign in. It protects the account, but a mail program cannot answer that second question.',
          it: 'La verifica in due passaggi chiede una seconda prova (un codice o una conferma sull’app) oltre alla password quando accedi. Protegge l’account, ma un programma di posta non può rispondere a quella seconda domanda.',
        },
        {
          en: 'For Outlook.com it no longer matters for other programs: they need “Sign in with Microsoft” (step 2) either way. It still matters for a Microsoft 365 mailbox whose administrator allows password sign-in (step 7).',
          it: 'Per Outlook.com ormai non conta per gli altri programmi: serve comunque «Accedi con Microsoft» (passaggio 2). Conta ancora per una casella Microsoft 365 il cui amministratore consente l’accesso con password (passaggio 7).',
        },
      ],
      actions: [
        {
          en: 'Open account.microsoft.com and sign in, then choose Security.',
          it: 'Apri account.microsoft.com e accedi, poi scegli Sicurezza.',
        },
        {
          en: 'Open “Advanced security options”: the “Two-step verification” section shows whether it is on.',
          it: 'Apri «Altre opzioni di sicurezza»: la sezione «Verifica in due passaggi» mostra se è attiva.',
        },
      ],
      image: 'outlook/two-step-verification.{lang}.svg',
      imageAlt: {
        en: 'Illustration (not a real screenshot): the Microsoft account Security page with “Advanced security options” and the Two-step verification section.',
        it: 'Illustrazione (non uno screenshot reale): la pagina Sicurezza dell’account Microsoft con «Altre opzioni di sicurezza» e la sezione Verifica in due passaggi.',
      },
    },
    {
      id: 'app-password',
      title: {
        en: '7. App passwords: no longer accepted by Outlook.com',
        it: '7. Password per le app: Outlook.com non le accetta più',
      },
      body: [
        {
          en: 'An app password is a long random password that Microsoft generates for one program. You paste it in place of your usual password. It is only offered when two-step verification is on.',
          it: 'Una password per l’app è una lunga password casuale che Microsoft genera per un solo programma. La incolli al posto della tua password abituale. Viene proposta solo con la verifica in due passaggi attiva.',
        },
        {
          en: 'Outlook.com no longer accepts app passwords from other programs (since September 2024): they fail with “basic authentication is disabled”. Use step 2, or step 3 if your program cannot sign in. App passwords only still help with a Microsoft 365 mailbox whose administrator allows password sign-in for SMTP AUTH.',
          it: 'Outlook.com non accetta più le password per le app dagli altri programmi (da settembre 2024): falliscono con «basic authentication is disabled». Usa il passaggio 2, o il passaggio 3 se il tuo programma non sa accedere. Le password per le app servono ancora solo con una casella Microsoft 365 il cui amministratore consente l’accesso con password per SMTP AUTH.',
        },
      ],
      actions: [
        {
          en: 'In Security, open “Advanced security options”.',
          it: 'In Sicurezza, apri «Altre opzioni di sicurezza».',
        },
        {
          en: 'In the “App passwords” section, choose “Create a new app password”.',
          it: 'Nella sezione «Password dell’app», scegli «Crea una nuova password per l’app».',
        },
        {
          en: 'Copy the password shown (it is shown only once) and paste it into Mailcheck’s password field, then test again.',
          it: 'Copia la password mostrata (compare una sola volta) e incollala nel campo password di Mailcheck, poi ripeti il test.',
        },
      ],
      image: 'outlook/app-password.{lang}.svg',
      imageAlt: {
        en: 'Illustration (not a real screenshot): the App passwords section with the “Create a new app password” link highlighted.',
        it: 'Illustrazione (non uno screenshot reale): la sezione Password dell’app con il link «Crea una nuova password per l’app» evidenziato.',
      },
    },
  ],
};
