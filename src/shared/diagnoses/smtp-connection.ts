/**
 * Connection diagnoses: the name (DNS), the network and the SMTP greeting (encryption is in
 * smtp-tls.ts).
 * Entries that fire for any server keep their title and explanation neutral; Outlook.com specifics
 * carry `audience: 'microsoft'` (see smtp.ts for the conventions).
 */
import type { DiagnosisEntry } from './types';
import { OUTLOOK_SERVER_SETTINGS } from './smtp-common';

export const CONNECTION_DIAGNOSES: DiagnosisEntry[] = [
  // ---------------------------------------------------------------- DNS
  {
    id: 'dns.not-found',
    step: 'dns',
    title: { en: 'The server name does not exist', it: 'Il nome del server non esiste' },
    explanation: {
      en: 'The name {host} cannot be found in the DNS. Usually it is a typo in the server name; less often the internet connection is not working.',
      it: 'Il nome {host} non risulta nel DNS. Quasi sempre è un errore di battitura nel nome del server; più di rado è la connessione a Internet che non funziona.',
    },
    advice: [
      {
        audience: 'microsoft',
        en: 'Check the server name letter by letter: for Outlook.com and Hotmail it is smtp-mail.outlook.com.',
        it: 'Controlla il nome del server lettera per lettera: per Outlook.com e Hotmail è smtp-mail.outlook.com.',
      },
      {
        audience: 'other',
        en: 'Check the server name letter by letter against the one your provider or administrator gives (it often starts with smtp. or mail.).',
        it: 'Controlla il nome del server lettera per lettera, confrontandolo con quello indicato dal provider o dall’amministratore (spesso inizia con smtp. o mail.).',
      },
      {
        en: 'Open a website to make sure the internet connection works.',
        it: 'Apri un sito web per verificare che la connessione a Internet funzioni.',
      },
      {
        en: 'On a company network or a VPN, ask whoever manages it whether outside names are blocked.',
        it: 'Se sei su una rete aziendale o in VPN, chiedi a chi la gestisce se i nomi esterni sono bloccati.',
      },
    ],
    guide: OUTLOOK_SERVER_SETTINGS,
  },
  {
    id: 'dns.timeout',
    step: 'dns',
    title: { en: 'The name lookup got no answer', it: 'La ricerca del nome non ha avuto risposta' },
    explanation: {
      en: 'Looking up {host} took too long: the DNS server of this network is not answering, or the connection is down.',
      it: 'La ricerca di {host} ha impiegato troppo: il server DNS di questa rete non risponde, oppure la connessione è assente.',
    },
    advice: [
      {
        en: 'Check that the internet connection works, then try again.',
        it: 'Verifica che la connessione a Internet funzioni, poi riprova.',
      },
      {
        en: 'Restart the router, or try from another network (for example your phone’s hotspot).',
        it: 'Riavvia il router, oppure prova da un’altra rete (per esempio l’hotspot del telefono).',
      },
      {
        en: 'If you use a VPN, disconnect it and try again.',
        it: 'Se usi una VPN, scollegala e riprova.',
      },
    ],
  },
  // ---------------------------------------------------------------- network
  {
    id: 'net.refused',
    step: 'tcp',
    title: { en: 'The server refused the connection', it: 'Il server ha rifiutato la connessione' },
    explanation: {
      en: '{host} answered, but nothing accepts connections on port {port}. Usually the port number is wrong, or a firewall actively refuses it.',
      it: '{host} ha risposto, ma sulla porta {port} nessun servizio accetta connessioni. Di solito il numero di porta è sbagliato, oppure un firewall la rifiuta.',
    },
    advice: [
      {
        audience: 'microsoft',
        en: 'Check the port: for Outlook.com and Hotmail it is 587 (with STARTTLS).',
        it: 'Controlla la porta: per Outlook.com e Hotmail è la 587 (con STARTTLS).',
      },
      {
        audience: 'other',
        en: 'Check the port: mail programs send on 587 (STARTTLS) or 465 (SSL/TLS); your provider’s instructions say which.',
        it: 'Controlla la porta: i programmi di posta inviano sulla 587 (STARTTLS) o sulla 465 (SSL/TLS); le istruzioni del provider indicano quale.',
      },
      {
        en: 'Check that a firewall or antivirus on this computer is not blocking mail connections.',
        it: 'Verifica che un firewall o l’antivirus di questo computer non blocchi le connessioni di posta.',
      },
      {
        en: 'If the settings are right, the server may be down: try again later.',
        it: 'Se le impostazioni sono giuste, il server potrebbe essere fermo: riprova più tardi.',
      },
    ],
    guide: OUTLOOK_SERVER_SETTINGS,
  },
  {
    id: 'net.timeout',
    step: 'tcp',
    title: { en: 'The server does not answer', it: 'Il server non risponde' },
    explanation: {
      en: 'The connection to {host} on port {port} got no answer in time. Most often a firewall (on this computer, on this network or at your internet provider) silently drops the traffic on that port; sometimes the server is down.',
      it: 'La connessione a {host} sulla porta {port} non ha avuto risposta in tempo. Il caso più comune è un firewall (sul computer, sulla rete o del provider Internet) che scarta in silenzio il traffico su quella porta; a volte il server è fermo.',
    },
    advice: [
      {
        en: 'Check the port: 587 for STARTTLS, 465 for SSL/TLS. Many providers block port 25.',
        it: 'Controlla la porta: 587 per STARTTLS, 465 per SSL/TLS. Molti provider bloccano la porta 25.',
      },
      {
        en: 'Try from another network (for example your phone’s hotspot): if it works there, this network blocks the port.',
        it: 'Prova da un’altra rete (per esempio l’hotspot del telefono): se lì funziona, è questa rete a bloccare la porta.',
      },
      {
        en: 'Check the firewall and antivirus on this computer.',
        it: 'Controlla il firewall e l’antivirus di questo computer.',
      },
    ],
    guide: OUTLOOK_SERVER_SETTINGS,
  },
  {
    id: 'net.unreachable',
    step: 'tcp',
    title: { en: 'The server cannot be reached', it: 'Il server non è raggiungibile' },
    explanation: {
      en: 'This computer has no route to {host}: the network is down, or the server’s address cannot be reached from here (for example an IPv6 address on a network without IPv6).',
      it: 'Questo computer non ha una strada per arrivare a {host}: la rete è assente, oppure l’indirizzo del server non è raggiungibile da qui (per esempio un indirizzo IPv6 su una rete senza IPv6).',
    },
    advice: [
      {
        en: 'Check that the computer is connected to the internet.',
        it: 'Verifica che il computer sia collegato a Internet.',
      },
      {
        en: 'If you use a VPN or a proxy, disconnect it and try again.',
        it: 'Se usi una VPN o un proxy, scollegalo e riprova.',
      },
      { en: 'Try from another network.', it: 'Prova da un’altra rete.' },
    ],
  },
  {
    id: 'net.closed',
    step: 'tcp',
    title: { en: 'The server closed the connection', it: 'Il server ha chiuso la connessione' },
    explanation: {
      en: '{host} closed the connection on port {port} before the test was over. It can be a busy server, a firewall or antivirus that cuts mail traffic, or a security setting that does not match the port.',
      it: '{host} ha chiuso la connessione sulla porta {port} prima della fine del test. Può dipendere da un server sovraccarico, da un firewall o un antivirus che interrompe il traffico di posta, o da un’impostazione di sicurezza che non corrisponde alla porta.',
    },
    advice: [
      {
        en: 'Check that the security matches the port: STARTTLS on 587, SSL/TLS on 465.',
        it: 'Verifica che la sicurezza corrisponda alla porta: STARTTLS sulla 587, SSL/TLS sulla 465.',
      },
      {
        en: 'Temporarily turn off the antivirus mail scanning and try again.',
        it: 'Disattiva per un momento la scansione della posta dell’antivirus e riprova.',
      },
      { en: 'Try again in a few minutes.', it: 'Riprova tra qualche minuto.' },
    ],
    guide: OUTLOOK_SERVER_SETTINGS,
  },
  // ---------------------------------------------------------------- SMTP conversation
  {
    id: 'smtp.no-greeting',
    step: 'greeting',
    title: { en: 'The server does not say hello', it: 'Il server non manda il saluto' },
    explanation: {
      en: 'The connection to {host}:{port} opened, but the server never sent its welcome message (the “220” greeting) in time. The port may expect encryption from the very first byte (SSL/TLS), or something in between is holding the connection.',
      it: 'La connessione a {host}:{port} si è aperta, ma il server non ha mai mandato il messaggio di benvenuto (il saluto «220») in tempo. La porta potrebbe richiedere la cifratura fin dal primo byte (SSL/TLS), oppure qualcosa nel mezzo trattiene la connessione.',
    },
    advice: [
      {
        en: 'Check the security: STARTTLS on 587, SSL/TLS on 465. If unsure, choose Automatic.',
        it: 'Controlla la sicurezza: STARTTLS sulla 587, SSL/TLS sulla 465. Nel dubbio scegli Automatica.',
      },
      {
        en: 'Check the port number and the server name.',
        it: 'Controlla il numero di porta e il nome del server.',
      },
      {
        en: 'Temporarily turn off the antivirus mail scanning and try again.',
        it: 'Disattiva per un momento la scansione della posta dell’antivirus e riprova.',
      },
    ],
    guide: OUTLOOK_SERVER_SETTINGS,
  },
  {
    id: 'smtp.rejected',
    step: 'greeting',
    title: { en: 'The server turned the connection away', it: 'Il server ha respinto la connessione' },
    explanation: {
      en: '{host} answered with a refusal instead of a welcome: right now it does not accept mail from this connection (for example because of this network’s address, or because it is overloaded). Its exact reply is shown below.',
      it: '{host} ha risposto con un rifiuto invece del benvenuto: in questo momento non accetta posta da questa connessione (per esempio per l’indirizzo di questa rete, o perché è sovraccarico). La risposta esatta è riportata qui sotto.',
    },
    advice: [
      {
        en: 'Read the server’s reply: it often says the reason (for example a blocklist).',
        it: 'Leggi la risposta del server: spesso indica il motivo (per esempio una blocklist).',
      },
      {
        en: 'Try from another network, then try again later.',
        it: 'Prova da un’altra rete, poi riprova più tardi.',
      },
      {
        en: 'If it keeps happening, send the report to your mail provider.',
        it: 'Se continua a succedere, invia il report al tuo provider di posta.',
      },
    ],
  },
  {
    id: 'smtp.not-smtp',
    step: 'greeting',
    title: { en: 'This is not a mail server', it: 'Questo non è un server di posta' },
    explanation: {
      en: 'Something answers on {host}:{port}, but not like a mail server: the reply is not valid SMTP, or it is absurdly long. The port probably belongs to another service, or a proxy sits in between.',
      it: 'Su {host}:{port} risponde qualcosa, ma non come un server di posta: la risposta non è SMTP valido, oppure è smisuratamente lunga. Probabilmente la porta appartiene a un altro servizio, o c’è un proxy nel mezzo.',
    },
    advice: [
      {
        en: 'Check the port: mail submission uses 587 (STARTTLS) or 465 (SSL/TLS).',
        it: 'Controlla la porta: l’invio della posta usa la 587 (STARTTLS) o la 465 (SSL/TLS).',
      },
      { en: 'Check the server name.', it: 'Controlla il nome del server.' },
      {
        en: 'If you use a proxy or an antivirus that filters mail, try without it.',
        it: 'Se usi un proxy o un antivirus che filtra la posta, prova senza.',
      },
    ],
    guide: OUTLOOK_SERVER_SETTINGS,
  },
  {
    id: 'smtp.timeout',
    step: 'ehlo',
    title: { en: 'The server stopped answering', it: 'Il server ha smesso di rispondere' },
    explanation: {
      en: '{host} started the conversation, then did not answer in time during the {step} step. The server may be overloaded, or something in between (antivirus, firewall) is slowing the connection down.',
      it: '{host} ha iniziato la conversazione, ma poi non ha risposto in tempo durante il passaggio «{step}». Il server potrebbe essere sovraccarico, oppure qualcosa nel mezzo (antivirus, firewall) rallenta la connessione.',
    },
    advice: [
      { en: 'Try again in a few minutes.', it: 'Riprova tra qualche minuto.' },
      {
        en: 'Temporarily turn off the antivirus mail scanning and try again.',
        it: 'Disattiva per un momento la scansione della posta dell’antivirus e riprova.',
      },
      { en: 'Try from another network.', it: 'Prova da un’altra rete.' },
    ],
  },
];
