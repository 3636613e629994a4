/**
 * What can go wrong only on the receiving side (IMAP, POP3), in plain words, with ordered advice.
 * The IMAP and POP3 classifiers (src/engine/imap/classify.ts, src/engine/pop3/classify.ts) map
 * replies to these ids and to the shared ones (auth.rejected, tls.*, net.*…), whose receiving-side
 * wording lives in receive-variants.ts. `{protocol}` is IMAP or POP3.
 */
import type { DiagnosisEntry } from './types';

export const RECEIVE_DIAGNOSES: DiagnosisEntry[] = [
  {
    id: 'receive.no-greeting',
    step: 'greeting',
    title: { en: 'The server does not greet', it: 'Il server non saluta' },
    explanation: {
      en: 'The connection to {host} on port {port} opened, but the server sent no {protocol} greeting in time. Usually the port belongs to another service, or a firewall lets the connection through but holds back the traffic.',
      it: 'La connessione a {host} sulla porta {port} si è aperta, ma il server non ha inviato in tempo il saluto {protocol}. Di solito la porta appartiene a un altro servizio, oppure un firewall lascia passare la connessione ma trattiene il traffico.',
    },
    advice: [
      {
        en: 'Check the port: IMAP uses 993 (SSL/TLS) or 143 (STARTTLS), POP3 uses 995 (SSL/TLS) or 110 (STARTTLS).',
        it: 'Controlla la porta: IMAP usa la 993 (SSL/TLS) o la 143 (STARTTLS), POP3 la 995 (SSL/TLS) o la 110 (STARTTLS).',
      },
      {
        en: 'Temporarily turn off the antivirus mail scanning and try again.',
        it: 'Disattiva per un momento la scansione della posta dell’antivirus e riprova.',
      },
      {
        en: 'Try again in a few minutes: the server may be overloaded.',
        it: 'Riprova tra qualche minuto: il server potrebbe essere sovraccarico.',
      },
    ],
  },
  {
    id: 'receive.greeting-refused',
    step: 'greeting',
    title: { en: 'The server refused the session at once', it: 'Il server ha rifiutato subito la sessione' },
    explanation: {
      en: '{host} answered the connection with a refusal instead of a greeting ({protocol} “BYE” or “-ERR”). Servers do this when they are overloaded or shutting down, or when they do not accept connections from this network.',
      it: '{host} ha risposto alla connessione con un rifiuto invece che con un saluto («BYE» o «-ERR» di {protocol}). I server lo fanno quando sono sovraccarichi o in spegnimento, oppure quando non accettano connessioni da questa rete.',
    },
    advice: [
      {
        en: 'Read the server’s reply below: it often says why.',
        it: 'Leggi la risposta del server qui sotto: spesso dice il motivo.',
      },
      { en: 'Try again in a few minutes.', it: 'Riprova tra qualche minuto.' },
      {
        en: 'If it keeps happening, try from another network and tell your provider what the reply says.',
        it: 'Se continua, prova da un’altra rete e riferisci al provider che cosa dice la risposta.',
      },
    ],
  },
  {
    id: 'receive.wrong-protocol',
    step: 'greeting',
    title: {
      en: 'This port does not speak {protocol}',
      it: 'Su questa porta non risponde un server {protocol}',
    },
    explanation: {
      en: 'Port {port} of {host} answered, but not the way a {protocol} server does: another service listens there (for example an SMTP server, which sends mail, or the other one of IMAP and POP3).',
      it: 'La porta {port} di {host} ha risposto, ma non come fa un server {protocol}: lì ascolta un altro servizio (per esempio un server SMTP, che serve a inviare, oppure l’altro tra IMAP e POP3).',
    },
    advice: [
      {
        en: 'Check the port and the protocol: IMAP uses 993 or 143, POP3 uses 995 or 110; 587, 465 and 25 are for sending (SMTP).',
        it: 'Controlla porta e protocollo: IMAP usa la 993 o la 143, POP3 la 995 o la 110; 587, 465 e 25 servono per inviare (SMTP).',
      },
      {
        en: 'Check the server name: the incoming server often starts with imap. or pop., the outgoing one with smtp.',
        it: 'Controlla il nome del server: quello in arrivo inizia spesso con imap. o pop., quello in uscita con smtp.',
      },
    ],
  },
  {
    id: 'receive.timeout',
    step: 'auth',
    title: { en: 'The server stopped answering', it: 'Il server ha smesso di rispondere' },
    explanation: {
      en: '{host} answered at first, then sent nothing more during the {step} step. The server may be overloaded, or something on the way (a firewall, an antivirus) holds back the traffic.',
      it: '{host} all’inizio ha risposto, poi non ha più inviato nulla durante il passaggio «{step}». Il server potrebbe essere sovraccarico, oppure qualcosa lungo la strada (un firewall, un antivirus) trattiene il traffico.',
    },
    advice: [
      { en: 'Try again in a few minutes.', it: 'Riprova tra qualche minuto.' },
      {
        en: 'Temporarily turn off the antivirus mail scanning and try again.',
        it: 'Disattiva per un momento la scansione della posta dell’antivirus e riprova.',
      },
      {
        en: 'Try from another network (for example your phone’s hotspot).',
        it: 'Prova da un’altra rete (per esempio l’hotspot del telefono).',
      },
    ],
  },
  {
    id: 'receive.disabled',
    step: 'auth',
    title: {
      en: '{protocol} access is switched off for this account',
      it: 'L’accesso {protocol} è disattivato per questo account',
    },
    explanation: {
      en: '{host} answered that {user} may not use {protocol}. Many providers keep IMAP or POP off until the account owner turns it on in the webmail settings, and company administrators can switch it off per mailbox. The password itself may well be right.',
      it: '{host} ha risposto che {user} non può usare {protocol}. Molti provider tengono IMAP o POP spenti finché il titolare dell’account non li attiva nelle impostazioni della webmail, e gli amministratori aziendali possono disattivarli casella per casella. La password potrebbe essere giusta.',
    },
    advice: [
      {
        audience: 'microsoft',
        en: 'Outlook.com and Hotmail: open Outlook on the web, Settings › Mail › Forwarding and IMAP, and turn on “Let devices and apps use POP” (or IMAP), then save.',
        it: 'Outlook.com e Hotmail: apri Outlook sul web, Impostazioni › Posta › Inoltro e IMAP, attiva «Consenti a dispositivi e app di usare POP» (o IMAP) e salva.',
      },
      {
        audience: 'microsoft',
        en: 'Microsoft 365 work accounts: ask the administrator to enable IMAP or POP for the mailbox (Exchange admin center › Mailboxes › Email apps).',
        it: 'Account di lavoro Microsoft 365: chiedi all’amministratore di attivare IMAP o POP per la casella (interfaccia di amministrazione di Exchange › Cassette postali › App di posta elettronica).',
      },
      {
        audience: 'other',
        en: 'Look in the webmail settings for a “POP and IMAP” or “Forwarding and POP/IMAP” section and turn the protocol on (in Gmail: Settings › See all settings › Forwarding and POP/IMAP).',
        it: 'Cerca nelle impostazioni della webmail una sezione «POP e IMAP» o «Inoltro e POP/IMAP» e attiva il protocollo (in Gmail: Impostazioni › Visualizza tutte le impostazioni › Inoltro e POP/IMAP).',
      },
      {
        audience: 'other',
        en: 'For a company mailbox, ask the administrator whether {protocol} is allowed for it.',
        it: 'Per una casella aziendale, chiedi all’amministratore se {protocol} è consentito.',
      },
      {
        en: 'Wait a few minutes after turning it on, then run the test again.',
        it: 'Dopo averlo attivato, attendi qualche minuto e ripeti la verifica.',
      },
    ],
  },
  {
    id: 'receive.in-use',
    step: 'auth',
    title: { en: 'The mailbox is in use', it: 'La casella è già in uso' },
    explanation: {
      en: '{host} accepted the login of {user} but could not open the mailbox because another session holds it (POP3 locks the mailbox for one program at a time), or because logins come too often.',
      it: '{host} ha accettato l’accesso di {user} ma non ha potuto aprire la casella perché un’altra sessione la tiene occupata (POP3 la blocca per un programma alla volta), oppure perché gli accessi arrivano troppo spesso.',
    },
    advice: [
      {
        en: 'Close the other mail programs and phones that download this mailbox, wait a few minutes, then try again.',
        it: 'Chiudi gli altri programmi di posta e i telefoni che scaricano questa casella, attendi qualche minuto e riprova.',
      },
      {
        en: 'If a program checks the mail every minute, make it check less often.',
        it: 'Se un programma controlla la posta ogni minuto, fagliela controllare meno spesso.',
      },
      {
        en: 'If no other program is open, the server may still hold an old session: try again in a quarter of an hour.',
        it: 'Se nessun altro programma è aperto, il server potrebbe tenere ancora una vecchia sessione: riprova tra un quarto d’ora.',
      },
    ],
  },
  {
    id: 'receive.unavailable',
    step: 'auth',
    title: { en: 'The server has a temporary problem', it: 'Il server ha un problema temporaneo' },
    explanation: {
      en: '{host} said that it cannot serve the mailbox right now ({protocol} “UNAVAILABLE” or “SYS/TEMP”): a problem on the provider’s side, not in your settings.',
      it: '{host} ha detto che in questo momento non può servire la casella («UNAVAILABLE» o «SYS/TEMP» di {protocol}): è un problema del provider, non delle tue impostazioni.',
    },
    advice: [
      { en: 'Try again later.', it: 'Riprova più tardi.' },
      {
        en: 'If it lasts for hours, look at the provider’s service status page or contact its support.',
        it: 'Se dura per ore, guarda la pagina sullo stato del servizio del provider o contatta l’assistenza.',
      },
    ],
  },
  {
    id: 'receive.mailbox-failed',
    step: 'mailbox',
    title: { en: 'The mailbox could not be read', it: 'Non è stato possibile leggere la casella' },
    explanation: {
      en: 'The login of {user} on {host} worked, but the server refused to tell how many messages the mailbox holds. The settings are right; the problem is in the mailbox on the server.',
      it: 'L’accesso di {user} su {host} è riuscito, ma il server si è rifiutato di dire quanti messaggi contiene la casella. Le impostazioni sono giuste; il problema è nella casella sul server.',
    },
    advice: [
      {
        en: 'Read the server’s reply below, then open the mailbox in the webmail to see whether it works there.',
        it: 'Leggi la risposta del server qui sotto, poi apri la casella nella webmail per vedere se lì funziona.',
      },
      {
        en: 'If the webmail works but this test does not, send the report to the provider’s support.',
        it: 'Se la webmail funziona ma questa verifica no, invia il resoconto all’assistenza del provider.',
      },
    ],
  },
];
