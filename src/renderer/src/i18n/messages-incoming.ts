/**
 * Strings of the incoming server (IMAP/POP3) on the Account and Test screens and of "find the
 * settings from the address" (discovery), in English and Italian (merged into MESSAGES by
 * messages.ts). Italian terms as elsewhere: «cifratura» for the security mode, «provider» for the
 * mail service.
 */
export const incomingEn = {
  'incoming.legend': 'Incoming mail (IMAP or POP3)',
  'incoming.enable': 'Also test incoming mail',
  'incoming.enableHint':
    'Checks that a mail program can receive too. It runs side by side with the sending test, with the same login.',
  'incoming.protocol': 'Protocol',
  'incoming.host': 'Incoming server',
  'incoming.port': 'Port',
  'incoming.security': 'Security',
  'incoming.user': 'Username for incoming mail',
  'incoming.userHint': 'Leave empty to use the account’s username.',
  'incoming.userHintSame': 'Leave empty to use the account’s username ({user}).',
  'incoming.fromPreset': 'Filled in from the {name} settings.',
  'incoming.missingHost': 'Enter the incoming server name.',
  'incoming.badPort': 'The incoming port must be a number between 1 and 65535.',

  'run.heading': 'Testing sending and receiving',
  'run.resultsHeading': 'Results for sending and receiving',
  'run.sending': 'Sending (SMTP)',
  'run.receiving': 'Receiving ({protocol})',
  'run.sendingLabel': 'Steps of the sending test',
  'run.receivingLabel': 'Steps of the receiving test',
  'receive.okHeading': 'These incoming settings work',
  'receive.okIntro': 'Copy them into the mail program that needs to receive mail.',
  'receive.error': 'The receiving test could not run: {message}',
  'receive.cancelled': 'The receiving test was stopped.',
  'receive.running': 'Receiving test in progress…',
  'result.field.protocol': 'Protocol',
  'profiles.incoming': 'Incoming: {protocol} {host}:{port}',

  'discovery.searching': 'Looking for the settings of {domain}…',
  'discovery.found':
    'Settings for {domain} found in {seconds} s. Check them below: you can change everything.',
  'discovery.foundProvider':
    'Settings for {domain} ({provider}) found in {seconds} s. Check them below: you can change everything.',
  'discovery.nothing':
    'No settings found for {domain}. Enter the servers below: your provider’s help pages list them.',
  'discovery.failed': 'The search for the settings did not work: {message}',
  'discovery.noPassword': 'No password is sent while searching.',
  'discovery.via.autoconfig': 'Found via the provider’s autoconfig',
  'discovery.via.ispdb': 'Found via the Thunderbird database',
  'discovery.via.mx': 'Found via MX → {provider}',
  'discovery.via.mxPlain': 'Found via the domain’s MX record',
  'discovery.via.srv': 'Found via DNS SRV',
  'discovery.via.guess': 'Found by trying: the server answered',
  'discovery.verified': 'verified',
  'discovery.notVerified': 'not verified',
  'discovery.flag.http': 'It came over plain http: check it before you trust it.',
  'discovery.flag.foreign': 'This server is outside your domain: make sure it is your provider’s.',
  'discovery.flag.dnsPointer':
    'Where to look was named by an unsigned DNS record: check it before you trust it.',
  'discovery.oauthOther':
    'This provider prefers signing in through its own page (OAuth); in other programs a password may have to be an app password.',
} as const;

export type IncomingMessageKey = keyof typeof incomingEn;

export const incomingIt: Record<IncomingMessageKey, string> = {
  'incoming.legend': 'Posta in arrivo (IMAP o POP3)',
  'incoming.enable': 'Verifica anche la posta in arrivo',
  'incoming.enableHint':
    'Controlla che un programma di posta possa anche ricevere. La prova si svolge in parallelo a quella di invio, con lo stesso accesso.',
  'incoming.protocol': 'Protocollo',
  'incoming.host': 'Server in arrivo',
  'incoming.port': 'Porta',
  'incoming.security': 'Cifratura',
  'incoming.user': 'Nome utente per la posta in arrivo',
  'incoming.userHint': 'Lascia vuoto per usare il nome utente dell’account.',
  'incoming.userHintSame': 'Lascia vuoto per usare il nome utente dell’account ({user}).',
  'incoming.fromPreset': 'Compilato con le impostazioni di {name}.',
  'incoming.missingHost': 'Inserisci il nome del server in arrivo.',
  'incoming.badPort': 'La porta in arrivo deve essere un numero da 1 a 65535.',

  'run.heading': 'Verifica di invio e ricezione',
  'run.resultsHeading': 'Risultati di invio e ricezione',
  'run.sending': 'Invio (SMTP)',
  'run.receiving': 'Ricezione ({protocol})',
  'run.sendingLabel': 'Passaggi della prova di invio',
  'run.receivingLabel': 'Passaggi della prova di ricezione',
  'receive.okHeading': 'Queste impostazioni di ricezione funzionano',
  'receive.okIntro': 'Copiale nel programma di posta che deve ricevere i messaggi.',
  'receive.error': 'Non è stato possibile eseguire la prova di ricezione: {message}',
  'receive.cancelled': 'La prova di ricezione è stata interrotta.',
  'receive.running': 'Prova di ricezione in corso…',
  'result.field.protocol': 'Protocollo',
  'profiles.incoming': 'In arrivo: {protocol} {host}:{port}',

  'discovery.searching': 'Cerco le impostazioni di {domain}…',
  'discovery.found':
    'Impostazioni di {domain} trovate in {seconds} s. Controllale qui sotto: puoi modificare tutto.',
  'discovery.foundProvider':
    'Impostazioni di {domain} ({provider}) trovate in {seconds} s. Controllale qui sotto: puoi modificare tutto.',
  'discovery.nothing':
    'Nessuna impostazione trovata per {domain}. Inserisci i server qui sotto: li trovi nelle pagine di aiuto del tuo provider.',
  'discovery.failed': 'La ricerca delle impostazioni non è riuscita: {message}',
  'discovery.noPassword': 'Durante la ricerca non viene inviata alcuna password.',
  'discovery.via.autoconfig': 'Trovato con la configurazione automatica del provider',
  'discovery.via.ispdb': 'Trovato nel database di Thunderbird',
  'discovery.via.mx': 'Trovato tramite MX → {provider}',
  'discovery.via.mxPlain': 'Trovato tramite il record MX del dominio',
  'discovery.via.srv': 'Trovato tramite i record DNS SRV',
  'discovery.via.guess': 'Trovato per tentativi: il server ha risposto',
  'discovery.verified': 'verificato',
  'discovery.notVerified': 'non verificato',
  'discovery.flag.http': 'È arrivato in http non cifrato: controllalo prima di fidarti.',
  'discovery.flag.foreign': 'Questo server è fuori dal tuo dominio: verifica che sia del tuo provider.',
  'discovery.flag.dnsPointer':
    'Dove cercare l’ha indicato un record DNS non firmato: controllalo prima di fidarti.',
  'discovery.oauthOther':
    'Questo provider preferisce l’accesso dalla propria pagina (OAuth); negli altri programmi la password potrebbe dover essere una password per le app.',
};
