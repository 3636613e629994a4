/**
 * Encryption diagnoses: the wrong kind of TLS for the port, STARTTLS missing, a certificate that is
 * not trusted, expired or for another name, a handshake that fails.
 */
import type { DiagnosisEntry } from './types';
import { OUTLOOK_SERVER_SETTINGS } from './smtp-common';

export const TLS_DIAGNOSES: DiagnosisEntry[] = [
  // ---------------------------------------------------------------- TLS
  {
    id: 'tls.mode-mismatch',
    step: 'tls',
    title: {
      en: 'The security setting does not match the port',
      it: 'La cifratura scelta non corrisponde alla porta',
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
        en: 'For Outlook.com and Hotmail: smtp-mail.outlook.com, port 587, STARTTLS, as Microsoft’s own settings page says.',
        it: 'Per Outlook.com e Hotmail: smtp-mail.outlook.com, porta 587, STARTTLS, come indica la pagina delle impostazioni di Microsoft.',
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
      it: 'La connessione con {host} è cifrata con un certificato di cui questo computer non si fida (autofirmato, o emesso da un’autorità sconosciuta). Molto spesso è lo «scudo posta» di un antivirus o un proxy aziendale che intercetta le connessioni cifrate; potrebbe anche essere qualcuno che spia il traffico. Mailcheck si ferma qui e non invia la password.',
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
