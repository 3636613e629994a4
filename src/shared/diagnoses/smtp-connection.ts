/**
 * Connection diagnoses: the name (DNS), the network, the SMTP greeting and encryption (TLS).
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
      it: 'La connessione a {host}:{port} si è aperta, ma il server non ha mai mandato il messaggio di benvenuto (il saluto “220”) in tempo. La porta potrebbe richiedere la cifratura fin dal primo byte (SSL/TLS), oppure qualcosa nel mezzo trattiene la connessione.',
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
  // ---------------------------------------------------------------- TLS
  {
    id: 'tls.mode-mismatch',
    step: 'tls',
    title: {
      en: 'The security setting does not match the port',
      it: 'La sicurezza scelta non corrisponde alla porta',
    },
    explanation: {
      en: 'Port {port} of {host} uses another kind of encryption than the one chosen. There are two: STARTTLS (the connection starts unencrypted and is secured right away, port 587) and SSL/TLS, also called implicit TLS (encrypted from the first byte, port 465). Careful: some old instructions and some programs call port 587 “SSL/TLS” too, but on 587 the right choice is STARTTLS.',
      it: 'Sulla porta {port} di {host} si usa una cifratura diversa da quella scelta. I tipi sono due: STARTTLS (la connessione parte in chiaro e viene protetta subito dopo, porta 587) e SSL/TLS, detto anche TLS implicito (cifrata fin dal primo byte, porta 465). Attenzione: alcune vecchie istruzioni e alcuni programmi indicano anche la porta 587 come «SSL/TLS», ma sulla 587 la scelta giusta è STARTTLS.',
    },
    advice: [
      {
        en: 'On port 587 choose STARTTLS; on port 465 choose SSL/TLS.',
        it: 'Sulla porta 587 scegli STARTTLS; sulla porta 465 scegli SSL/TLS.',
      },
      {
        en: 'If unsure, choose Automatic: Mailcheck picks the mode that fits the port.',
        it: 'Nel dubbio scegli Automatica: Mailcheck sceglie la modalità adatta alla porta.',
      },
      {
        audience: 'microsoft',
        en: 'For Outlook.com and Hotmail: smtp-mail.outlook.com, port 587, STARTTLS, as Microsoft’s own settings page says (port 465 is not offered).',
        it: 'Per Outlook.com e Hotmail: smtp-mail.outlook.com, porta 587, STARTTLS, come indica la pagina delle impostazioni di Microsoft (la porta 465 non è disponibile).',
      },
    ],
    guide: OUTLOOK_SERVER_SETTINGS,
  },
  {
    id: 'tls.starttls-unavailable',
    step: 'tls',
    title: {
      en: 'The server does not offer encryption (STARTTLS)',
      it: 'Il server non offre la cifratura (STARTTLS)',
    },
    explanation: {
      en: '{host} did not offer STARTTLS on port {port}, and STARTTLS was required. The port may be meant for SSL/TLS (465), or a firewall or antivirus removed STARTTLS from the server’s reply: that is also how a known attack looks, so Mailcheck stops here and sends no password.',
      it: '{host} non ha offerto STARTTLS sulla porta {port}, che invece era richiesto. La porta potrebbe essere pensata per SSL/TLS (465), oppure un firewall o un antivirus ha tolto STARTTLS dalla risposta del server: è anche l’aspetto di un attacco noto, perciò Mailcheck si ferma qui e non invia la password.',
    },
    advice: [
      {
        en: 'Check the port: STARTTLS is normally on 587. On 465, choose SSL/TLS.',
        it: 'Controlla la porta: STARTTLS di solito è sulla 587. Sulla 465 scegli SSL/TLS.',
      },
      {
        audience: 'microsoft',
        en: 'Outlook.com always offers STARTTLS on 587: if it is missing, check the antivirus mail scanning and the firewall.',
        it: 'Outlook.com offre sempre STARTTLS sulla 587: se manca, controlla la scansione della posta dell’antivirus e il firewall.',
      },
      {
        audience: 'other',
        en: 'If your provider says this port offers STARTTLS, check the antivirus mail scanning and the firewall: one of them may be removing it.',
        it: 'Se il provider indica che questa porta offre STARTTLS, controlla la scansione della posta dell’antivirus e il firewall: uno dei due potrebbe toglierlo.',
      },
      {
        en: 'Do not turn encryption off to get around it.',
        it: 'Non disattivare la cifratura per aggirare il problema.',
      },
    ],
    guide: OUTLOOK_SERVER_SETTINGS,
  },
  {
    id: 'tls.untrusted',
    step: 'tls',
    title: {
      en: 'The server’s certificate is not trusted',
      it: 'Il certificato del server non è attendibile',
    },
    explanation: {
      en: 'The connection to {host} is encrypted with a certificate this computer does not trust (self-signed, or issued by an unknown authority). Very often it is an antivirus “mail shield” or a company proxy that intercepts encrypted connections; it could also be someone eavesdropping. Mailcheck stops here and sends no password.',
      it: 'La connessione con {host} è cifrata con un certificato di cui questo computer non si fida (autofirmato, o emesso da un’autorità sconosciuta). Molto spesso è lo “scudo posta” di un antivirus o un proxy aziendale che intercetta le connessioni cifrate; potrebbe anche essere qualcuno che spia il traffico. Mailcheck si ferma qui e non invia la password.',
    },
    advice: [
      {
        en: 'If your antivirus protects email (Avast, AVG, ESET, Kaspersky, Bitdefender…), turn off its scanning of encrypted connections (SSL/TLS scanning) and try again.',
        it: 'Se l’antivirus protegge la posta (Avast, AVG, ESET, Kaspersky, Bitdefender…), disattiva la scansione delle connessioni cifrate (scansione SSL/TLS) e riprova.',
      },
      {
        en: 'On a company network, ask IT whether connections are inspected; if so, trust their certificate authority as a custom CA.',
        it: 'Su una rete aziendale, chiedi all’IT se le connessioni vengono ispezionate; in quel caso aggiungi la loro autorità di certificazione come CA personalizzata.',
      },
      {
        en: 'For a private server, compare the fingerprint in the details with the one the administrator gives you before trusting it.',
        it: 'Per un server privato, confronta l’impronta nei dettagli con quella che ti dà l’amministratore prima di fidarti.',
      },
    ],
  },
  {
    id: 'tls.hostname-mismatch',
    step: 'tls',
    title: {
      en: 'The certificate belongs to another name',
      it: 'Il certificato è intestato a un altro nome',
    },
    explanation: {
      en: '{host} presented a certificate issued for other names (listed in the details). Either the server name is not the one your provider gives, or the connection is being intercepted. Mailcheck stops here and sends no password.',
      it: '{host} ha presentato un certificato intestato ad altri nomi (elencati nei dettagli). O il nome del server non è quello indicato dal provider, o la connessione viene intercettata. Mailcheck si ferma qui e non invia la password.',
    },
    advice: [
      {
        audience: 'microsoft',
        en: 'Use exactly the server name your provider gives: for Outlook.com and Hotmail, smtp-mail.outlook.com (not an IP address or an alias).',
        it: 'Usa esattamente il nome del server indicato dal provider: per Outlook.com e Hotmail smtp-mail.outlook.com (non un indirizzo IP o un alias).',
      },
      {
        audience: 'other',
        en: 'Use exactly the server name your provider gives (not an IP address or an alias).',
        it: 'Usa esattamente il nome del server indicato dal provider (non un indirizzo IP o un alias).',
      },
      {
        en: 'For a private server, ask the administrator to include this name in the certificate.',
        it: 'Per un server privato, chiedi all’amministratore di includere questo nome nel certificato.',
      },
      {
        en: 'If the name is right, check the antivirus mail scanning: it may be intercepting the connection.',
        it: 'Se il nome è giusto, controlla la scansione della posta dell’antivirus: potrebbe intercettare la connessione.',
      },
    ],
    guide: OUTLOOK_SERVER_SETTINGS,
  },
  {
    id: 'tls.expired',
    step: 'tls',
    title: {
      en: 'The server’s certificate has expired (or is not valid yet)',
      it: 'Il certificato del server è scaduto (o non è ancora valido)',
    },
    explanation: {
      en: 'The certificate of {host} is outside its validity dates (shown in the details). Check this computer’s date and time first: a wrong clock makes valid certificates look expired. Mailcheck stops here and sends no password.',
      it: 'Il certificato di {host} è fuori dalle date di validità (riportate nei dettagli). Controlla prima la data e l’ora di questo computer: un orologio sbagliato fa sembrare scaduti anche i certificati validi. Mailcheck si ferma qui e non invia la password.',
    },
    advice: [
      {
        en: 'Check that this computer’s date, time and time zone are right.',
        it: 'Verifica che data, ora e fuso orario di questo computer siano corretti.',
      },
      {
        en: 'If they are, the provider has to renew the certificate: send them the report.',
        it: 'Se lo sono, è il provider che deve rinnovare il certificato: inviagli il report.',
      },
    ],
  },
  {
    id: 'tls.handshake-failed',
    step: 'tls',
    title: { en: 'Encryption could not be set up', it: 'Non è stato possibile attivare la cifratura' },
    explanation: {
      en: 'Setting up the encrypted connection with {host} failed: the server and this computer could not agree on how to encrypt, or the connection was cut halfway.',
      it: 'L’attivazione della connessione cifrata con {host} non è riuscita: il server e questo computer non si sono accordati su come cifrare, oppure la connessione si è interrotta a metà.',
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
      {
        en: 'A very old server may only speak outdated encryption: send the report to its administrator.',
        it: 'Un server molto vecchio potrebbe usare solo una cifratura superata: invia il report al suo amministratore.',
      },
    ],
    guide: OUTLOOK_SERVER_SETTINGS,
  },
];
