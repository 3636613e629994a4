/**
 * Strings of "where the settings will be used", the plain verdicts, the way-out panel and the
 * one-click fixes on failure screens, in English and Italian (merged into MESSAGES by messages.ts).
 */
export const wayOutEn = {
  'usage.legend': 'Where will these settings be used?',
  'usage.website': 'A website builder or online shop',
  'usage.cms': 'A WordPress or other CMS plugin',
  'usage.device': 'A printer or scanner',
  'usage.mail-app': 'A mail app on a phone or computer',
  'usage.script': 'A script or something else',
  'usage.signInLegend': 'Does that program offer “Sign in with Microsoft” or “Sign in with Google”?',
  'usage.signIn.yes': 'Yes',
  'usage.signIn.no': 'No, only a password',
  'usage.signIn.unknown': 'I don’t know',
  'usage.signInHint':
    'Look for such a button next to its mail settings. If it only has fields for server, port, security, user and password, the answer is no.',

  'verdict.outlook-password-only.title': 'This combination cannot work',
  'verdict.outlook-password-only.body':
    'Since September 2024 Outlook.com and Hotmail refuse passwords and app passwords from other programs: they accept only “Sign in with Microsoft”. A program that only has a password field cannot send from this address, whatever the settings. Here is what does work.',
  'verdict.m365-smtp-auth-off.title': 'This mailbox refuses password sign-in',
  'verdict.m365-smtp-auth-off.body':
    'Password sign-in for SMTP AUTH is off for this Microsoft 365 mailbox. A program that only has a password field can send from it only if an administrator switches it back on for the mailbox, which is possible until Microsoft’s final removal (to be dated by Microsoft in the second half of 2027). Here is what works.',
  'verdict.show': 'See what works',

  'wayOut.heading': 'What works with a password-only program',
  'wayOut.intro':
    'Each of these accepts a password typed into a program. Press a button: Mailcheck fills in the settings, you add the login, and test.',
  'wayOut.ownDomain.title': 'The mailbox of your own domain',
  'wayOut.ownDomain.body':
    'If your website has its own domain (info@your-shop.it), its hosting provider usually includes mailboxes that accept a password. Send from that mailbox.',
  'wayOut.ownDomain.other': 'Another hosting provider',
  'wayOut.gmail.title': 'Gmail with an app password',
  'wayOut.gmail.body':
    'Turn on 2-Step Verification in your Google Account, create an app password and type it instead of your password. Personal Gmail accounts only: in Google Workspace the administrator may forbid app passwords.',
  'wayOut.relay.title': 'A transactional sending service',
  'wayOut.relay.body':
    'Brevo, Mailjet, SendGrid, Amazon SES and Postmark give you an SMTP server and a login made for websites and devices; most have a free tier. You verify your sender address or domain with them first.',
  'wayOut.m365.title': 'Microsoft 365: the administrator',
  'wayOut.m365.body':
    'An administrator can switch SMTP AUTH back on for this mailbox, until Microsoft’s final removal (to be dated in the second half of 2027). Or the program signs in with Microsoft (OAuth), if it can.',
  'wayOut.try': 'Try {name}',
  'wayOut.guide': 'Guide: {step}',
  'wayOut.trying': 'Trying {name}: {credentials}',
  'wayOut.tryingMailbox': 'Trying {name}: enter that mailbox’s address and its password, then test.',
  'wayOut.tryingOther':
    'Enter your hosting provider’s outgoing server, your mailbox’s address and its password, then test.',

  'fix.heading': 'Fix it in one click',
  'fix.useStarttls': 'Use STARTTLS on {port} and test again',
  'fix.useTls': 'Use SSL/TLS on {port} and test again',
  'fix.signIn': 'Sign in with Microsoft',
  'fix.passwordOnly': 'What works with a password-only program',
  'fix.typo': 'Did you mean {host}? Use it and test again',

  'program.wording': 'In your program: {text}',
} as const;

export const wayOutIt: Record<keyof typeof wayOutEn, string> = {
  'usage.legend': 'Dove userai queste impostazioni?',
  'usage.website': 'Un costruttore di siti o un negozio online',
  'usage.cms': 'Un plugin di WordPress o di un altro CMS',
  'usage.device': 'Una stampante o uno scanner',
  'usage.mail-app': 'Un’app di posta sul telefono o sul computer',
  'usage.script': 'Uno script o altro',
  'usage.signInLegend': 'Quel programma offre «Accedi con Microsoft» o «Accedi con Google»?',
  'usage.signIn.yes': 'Sì',
  'usage.signIn.no': 'No, solo una password',
  'usage.signIn.unknown': 'Non lo so',
  'usage.signInHint':
    'Cerca un pulsante simile vicino alle sue impostazioni di posta. Se ha solo i campi server, porta, sicurezza, utente e password, la risposta è no.',

  'verdict.outlook-password-only.title': 'Questa combinazione non può funzionare',
  'verdict.outlook-password-only.body':
    'Da settembre 2024 Outlook.com e Hotmail rifiutano password e password per le app dagli altri programmi: accettano solo «Accedi con Microsoft». Un programma che ha solo il campo password non può inviare da questo indirizzo, qualunque siano le impostazioni. Ecco cosa funziona.',
  'verdict.m365-smtp-auth-off.title': 'Questa casella rifiuta l’accesso con password',
  'verdict.m365-smtp-auth-off.body':
    'L’accesso con password per SMTP AUTH è disattivato per questa casella Microsoft 365. Un programma che ha solo il campo password può inviare da qui solo se un amministratore lo riattiva per la casella, cosa possibile fino alla rimozione definitiva (di cui Microsoft darà la data nella seconda metà del 2027). Ecco cosa funziona.',
  'verdict.show': 'Vedi cosa funziona',

  'wayOut.heading': 'Cosa funziona con un programma che accetta solo la password',
  'wayOut.intro':
    'Ognuna di queste soluzioni accetta una password scritta in un programma. Premi un pulsante: Mailcheck compila le impostazioni, tu aggiungi le credenziali e fai il test.',
  'wayOut.ownDomain.title': 'La casella del tuo dominio',
  'wayOut.ownDomain.body':
    'Se il tuo sito ha un dominio suo (info@il-tuo-negozio.it), di solito il provider dell’hosting include caselle che accettano una password. Invia da quella casella.',
  'wayOut.ownDomain.other': 'Un altro provider di hosting',
  'wayOut.gmail.title': 'Gmail con una password per le app',
  'wayOut.gmail.body':
    'Attiva la verifica in due passaggi nell’Account Google, crea una password per le app e scrivila al posto della password. Solo account Gmail personali: in Google Workspace l’amministratore può vietare le password per le app.',
  'wayOut.relay.title': 'Un servizio di invio transazionale',
  'wayOut.relay.body':
    'Brevo, Mailjet, SendGrid, Amazon SES e Postmark forniscono un server SMTP e credenziali pensate per siti e dispositivi; quasi tutti hanno un piano gratuito. Prima si verifica con loro l’indirizzo o il dominio del mittente.',
  'wayOut.m365.title': 'Microsoft 365: l’amministratore',
  'wayOut.m365.body':
    'Un amministratore può riattivare SMTP AUTH per questa casella, fino alla rimozione definitiva di Microsoft (la cui data sarà annunciata nella seconda metà del 2027). Oppure il programma accede con Microsoft (OAuth), se può.',
  'wayOut.try': 'Prova {name}',
  'wayOut.guide': 'Guida: {step}',
  'wayOut.trying': 'Stai provando {name}: {credentials}',
  'wayOut.tryingMailbox':
    'Stai provando {name}: inserisci l’indirizzo di quella casella e la sua password, poi avvia il test.',
  'wayOut.tryingOther':
    'Inserisci il server in uscita del tuo provider di hosting, l’indirizzo della casella e la sua password, poi avvia il test.',

  'fix.heading': 'Correggi con un clic',
  'fix.useStarttls': 'Usa STARTTLS sulla porta {port} e ripeti il test',
  'fix.useTls': 'Usa SSL/TLS sulla porta {port} e ripeti il test',
  'fix.signIn': 'Accedi con Microsoft',
  'fix.passwordOnly': 'Cosa funziona con un programma che accetta solo la password',
  'fix.typo': 'Forse intendevi {host}? Usalo e ripeti il test',

  'program.wording': 'Nel tuo programma: {text}',
};
