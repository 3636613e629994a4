import type { Guide } from './types';

/**
 * "My program can only send a password": what works when the program (a website builder, a shop,
 * a printer…) has no "Sign in with Microsoft". Every provider fact names its source and the date it
 * was checked; the presets behind the "Try" buttons carry theirs too (src/shared/providers.ts).
 * Step ids are linked from the window and the Outlook guide: never rename them.
 */
export const PASSWORD_ONLY_GUIDE: Guide = {
  id: 'password-only',
  providerIds: [],
  title: {
    en: 'A program that only has a password field: what works',
    it: 'Un programma che ha solo il campo password: cosa funziona',
  },
  intro: {
    en: 'Website builders, online shops, many WordPress plugins, printers and scanners ask for server, port, security, user and password, and nothing else. These are the accounts and services that still accept that.',
    it: 'Costruttori di siti, negozi online, molti plugin di WordPress, stampanti e scanner chiedono server, porta, sicurezza, utente e password, e nient’altro. Questi sono gli account e i servizi che lo accettano ancora.',
  },
  steps: [
    {
      id: 'why',
      title: {
        en: '1. Why Outlook.com cannot work with such a program',
        it: '1. Perché Outlook.com non può funzionare con un programma così',
      },
      body: [
        {
          en: 'Since September 2024 Outlook.com and Hotmail refuse passwords and app passwords from other programs, with “535 5.7.139 … basic authentication is disabled”. Only programs that sign in with Microsoft (OAuth) can send. No setting in the program changes that.',
          it: 'Da settembre 2024 Outlook.com e Hotmail rifiutano password e password per le app dagli altri programmi, con «535 5.7.139 … basic authentication is disabled». Possono inviare solo i programmi che accedono con Microsoft (OAuth). Nessuna impostazione del programma cambia le cose.',
        },
        {
          en: 'Keep your Outlook.com address for reading mail; for sending from the program, use one of the options below. Source: Microsoft, support.microsoft.com “POP, IMAP, and SMTP settings for Outlook.com” (checked on 2026-12-02).',
          it: 'Tieni l’indirizzo Outlook.com per leggere la posta; per inviare dal programma usa una delle soluzioni qui sotto. Fonte: Microsoft, support.microsoft.com «Impostazioni POP, IMAP e SMTP per Outlook.com» (verificata il 2026-12-02).',
        },
      ],
      actions: [],
      image: 'password-only/why.{lang}.svg',
      imageAlt: {
        en: 'Illustration (not a real screenshot): a website builder’s password form, Outlook.com’s refusal, and the options that work.',
        it: 'Illustrazione (non uno screenshot reale): il modulo con password di un costruttore di siti, il rifiuto di Outlook.com e le soluzioni che funzionano.',
      },
    },
    {
      id: 'own-domain',
      title: { en: '2. The mailbox of your own domain', it: '2. La casella del tuo dominio' },
      body: [
        {
          en: 'If your website has its own domain, your hosting provider usually includes mailboxes on it (info@your-shop.it). They accept the full address and the mailbox password; the outgoing server is in the hosting provider’s help pages.',
          it: 'Se il tuo sito ha un dominio suo, di solito il provider dell’hosting include caselle su quel dominio (info@il-tuo-negozio.it). Accettano l’indirizzo completo e la password della casella; il server in uscita è nelle pagine di aiuto del provider.',
        },
        {
          en: 'A sender on your own domain is also what your customers’ mail services trust most.',
          it: 'Un mittente sul tuo dominio è anche quello di cui i servizi di posta dei tuoi clienti si fidano di più.',
        },
      ],
      actions: [
        {
          en: 'Create the mailbox in the hosting control panel (if it does not exist yet).',
          it: 'Crea la casella nel pannello dell’hosting (se non esiste ancora).',
        },
        {
          en: 'Press “Try …” for your hosting provider, or choose “Other / custom server” and type its outgoing server; then enter the address and the password and test.',
          it: 'Premi «Prova …» per il tuo provider di hosting, oppure scegli «Altro / server personalizzato» e scrivi il suo server in uscita; poi inserisci indirizzo e password e avvia il test.',
        },
      ],
      image: 'password-only/own-domain.{lang}.svg',
      imageAlt: {
        en: 'Illustration (not a real screenshot): a hosting control panel listing a mailbox on your own domain and its outgoing server.',
        it: 'Illustrazione (non uno screenshot reale): il pannello di un hosting con una casella del tuo dominio e il suo server in uscita.',
      },
      presets: ['aruba'],
    },
    {
      id: 'gmail-app-password',
      title: { en: '3. Gmail with an app password', it: '3. Gmail con una password per le app' },
      body: [
        {
          en: 'Google still accepts app passwords for SMTP: a 16-letter password made for one program, offered only when 2-Step Verification is on. Personal Gmail accounts only: in Google Workspace the administrator may forbid app passwords.',
          it: 'Google accetta ancora le password per le app per l’SMTP: una password di 16 lettere creata per un solo programma, proposta solo con la verifica in due passaggi attiva. Solo account Gmail personali: in Google Workspace l’amministratore può vietarle.',
        },
        {
          en: 'Settings: smtp.gmail.com, port 587, STARTTLS (or 465, SSL/TLS), username your full Gmail address. Source: Google, support.google.com/accounts/answer/185833 and support.google.com/mail/answer/7126229 (checked on 2026-12-02).',
          it: 'Impostazioni: smtp.gmail.com, porta 587, STARTTLS (oppure 465, SSL/TLS), nome utente l’indirizzo Gmail completo. Fonte: Google, support.google.com/accounts/answer/185833 e support.google.com/mail/answer/7126229 (verificata il 2026-12-02).',
        },
      ],
      actions: [
        {
          en: 'In your Google Account open Security and turn on 2-Step Verification.',
          it: 'Nell’Account Google apri Sicurezza e attiva la verifica in due passaggi.',
        },
        {
          en: 'Open “App passwords”, give it a name (the program’s) and create it; copy the 16 letters.',
          it: 'Apri «Password per le app», dai un nome (quello del programma) e creala; copia le 16 lettere.',
        },
        {
          en: 'Press “Try Gmail”, enter your Gmail address and the app password, and test.',
          it: 'Premi «Prova Gmail», inserisci l’indirizzo Gmail e la password per le app, poi avvia il test.',
        },
      ],
      image: 'password-only/gmail.{lang}.svg',
      imageAlt: {
        en: 'Illustration (not a real screenshot): Google Account security with 2-Step Verification on and an app password being created.',
        it: 'Illustrazione (non uno screenshot reale): la sicurezza dell’Account Google con la verifica in due passaggi attiva e la creazione di una password per le app.',
      },
      presets: ['gmail'],
    },
    {
      id: 'relay',
      title: { en: '4. A transactional sending service', it: '4. Un servizio di invio transazionale' },
      body: [
        {
          en: 'These services relay mail from websites, shops and devices. You verify your sender address or domain with them, then use their SMTP server with a login they give you (never your mailbox’s address and password). Checked on 2026-12-02 against each service’s SMTP page:',
          it: 'Questi servizi inoltrano la posta di siti, negozi e dispositivi. Verifichi con loro l’indirizzo o il dominio del mittente, poi usi il loro server SMTP con le credenziali che ti danno (mai indirizzo e password della tua casella). Verificati il 2026-12-02 sulla pagina SMTP di ciascun servizio:',
        },
        {
          en: 'Brevo: smtp-relay.brevo.com, 587 STARTTLS; user the SMTP login shown under SMTP & API, password an SMTP key (developers.brevo.com/docs/smtp-integration).',
          it: 'Brevo: smtp-relay.brevo.com, 587 STARTTLS; utente il login SMTP mostrato in SMTP e API, password una chiave SMTP (developers.brevo.com/docs/smtp-integration).',
        },
        {
          en: 'Mailjet: in-v3.mailjet.com, 587 STARTTLS; user the API key, password the secret key (dev.mailjet.com/smtp-relay/configuration).',
          it: 'Mailjet: in-v3.mailjet.com, 587 STARTTLS; utente la chiave API, password la chiave segreta (dev.mailjet.com/smtp-relay/configuration).',
        },
        {
          en: 'SendGrid: smtp.sendgrid.net, 587 STARTTLS; user literally “apikey”, password an API key (twilio.com/docs/sendgrid, “Integrating with the SMTP API”).',
          it: 'SendGrid: smtp.sendgrid.net, 587 STARTTLS; utente proprio «apikey», password una chiave API (twilio.com/docs/sendgrid, «Integrating with the SMTP API»).',
        },
        {
          en: 'Amazon SES: email-smtp.<region>.amazonaws.com, 587 STARTTLS; the SMTP credentials created in the SES console, not AWS access keys (docs.aws.amazon.com/ses/latest/dg/smtp-connect.html).',
          it: 'Amazon SES: email-smtp.<regione>.amazonaws.com, 587 STARTTLS; le credenziali SMTP create nella console SES, non le chiavi di accesso AWS (docs.aws.amazon.com/ses/latest/dg/smtp-connect.html).',
        },
        {
          en: 'Postmark: smtp.postmarkapp.com, 587 STARTTLS (no port 465); the Server API token as both user and password (postmarkapp.com/support/article/811).',
          it: 'Postmark: smtp.postmarkapp.com, 587 STARTTLS (nessuna porta 465); il token API del server sia come utente sia come password (postmarkapp.com/support/article/811).',
        },
      ],
      actions: [
        {
          en: 'Create an account with one service and verify your sender address or domain there.',
          it: 'Crea un account presso un servizio e verifica lì l’indirizzo o il dominio del mittente.',
        },
        {
          en: 'Press its “Try …” button, paste the login and the key it gave you, and test.',
          it: 'Premi il suo pulsante «Prova …», incolla le credenziali e la chiave che ti ha dato, poi avvia il test.',
        },
      ],
      image: 'password-only/relay.{lang}.svg',
      imageAlt: {
        en: 'Illustration (not a real screenshot): a sending service’s SMTP settings page with server, login and key.',
        it: 'Illustrazione (non uno screenshot reale): la pagina delle impostazioni SMTP di un servizio di invio con server, login e chiave.',
      },
      presets: ['brevo', 'mailjet', 'sendgrid', 'amazon-ses', 'postmark'],
    },
    {
      id: 'm365-admin',
      title: {
        en: '5. Microsoft 365: the administrator switches SMTP AUTH on',
        it: '5. Microsoft 365: l’amministratore attiva SMTP AUTH',
      },
      body: [
        {
          en: 'For a work or school mailbox, an administrator can allow password sign-in for SMTP AUTH for that one mailbox. From the end of December 2026 it is off by default; administrators can switch it back on until Microsoft’s final removal, which Microsoft will date in the second half of 2027. Source: Microsoft Exchange Team blog, “Updated Exchange Online SMTP AUTH Basic Authentication Deprecation Timeline” (checked on 2026-12-02).',
          it: 'Per una casella di lavoro o scuola, un amministratore può consentire l’accesso con password per SMTP AUTH per quella sola casella. Da fine dicembre 2026 è disattivato di default; gli amministratori possono riattivarlo fino alla rimozione definitiva, di cui Microsoft darà la data nella seconda metà del 2027. Fonte: blog Microsoft Exchange Team, «Updated Exchange Online SMTP AUTH Basic Authentication Deprecation Timeline» (verificata il 2026-12-02).',
        },
        {
          en: 'If the program can sign in with Microsoft (OAuth), that keeps working after the removal.',
          it: 'Se il programma sa accedere con Microsoft (OAuth), quello continua a funzionare anche dopo la rimozione.',
        },
      ],
      actions: [
        {
          en: 'Ask the administrator to open the Microsoft 365 admin center → Users → Active users → the mailbox → Mail → “Manage email apps”, tick “Authenticated SMTP” and save (or run Set-CASMailbox -Identity <address> -SmtpClientAuthenticationDisabled $false).',
          it: 'Chiedi all’amministratore di aprire l’interfaccia di amministrazione di Microsoft 365 → Utenti → Utenti attivi → la casella → Posta → «Gestisci app di posta elettronica», spuntare «SMTP autenticato» e salvare (oppure eseguire Set-CASMailbox -Identity <indirizzo> -SmtpClientAuthenticationDisabled $false).',
        },
        {
          en: 'Wait up to an hour, then test again.',
          it: 'Attendi fino a un’ora, poi ripeti il test.',
        },
      ],
      image: 'password-only/m365-admin.{lang}.svg',
      imageAlt: {
        en: 'Illustration (not a real screenshot): the “Manage email apps” panel with “Authenticated SMTP” ticked, and the PowerShell command.',
        it: 'Illustrazione (non uno screenshot reale): il pannello «Gestisci app di posta elettronica» con «SMTP autenticato» spuntato, e il comando PowerShell.',
      },
    },
  ],
};
