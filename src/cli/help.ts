/** Help texts of the CLI, in both languages. */
import type { Localized, ReceiveProtocol } from '../shared/probe-types';

export const MAIN_HELP: Localized = {
  en: `mailcheck — tests mail-server settings (SMTP, IMAP, POP3) step by step and says why they fail.

Usage:
  mailcheck smtp --host HOST [--port PORT] [--security auto|starttls|tls|none]
                 [--user USER --password-stdin] [options]   test a server
  mailcheck discover ADDRESS [--json] [--no-probe]          find the settings of an address
  mailcheck smtp --email ADDRESS [--user USER --password-stdin]  find them, then test
                 [--user USER --password-stdin] [options]   test sending
  mailcheck imap --host HOST [same options, no --from/--to]  test receiving (IMAP)
  mailcheck pop3 --host HOST [same options, no --from/--to]  test receiving (POP3)
  mailcheck profiles list | show NAME | delete NAME         saved profiles
  mailcheck --version

Run "mailcheck smtp --help" (or imap, pop3) for every option. Exit codes: 0 all steps passed,
1 the test found a problem, 2 bad usage or input (nothing sent), 130 cancelled.
`,
  it: `mailcheck — verifica passo per passo le impostazioni del server di posta (SMTP, IMAP, POP3) e spiega perché non funzionano.

Uso:
  mailcheck smtp --host HOST [--port PORTA] [--security auto|starttls|tls|none]
                 [--user UTENTE --password-stdin] [opzioni]  verifica un server
  mailcheck discover INDIRIZZO [--json] [--no-probe]         trova le impostazioni di un indirizzo
  mailcheck smtp --email INDIRIZZO [--user UTENTE --password-stdin]  le trova, poi verifica
                 [--user UTENTE --password-stdin] [opzioni]  verifica l'invio
  mailcheck imap --host HOST [stesse opzioni, senza --from/--to]  verifica la ricezione (IMAP)
  mailcheck pop3 --host HOST [stesse opzioni, senza --from/--to]  verifica la ricezione (POP3)
  mailcheck profiles list | show NOME | delete NOME          profili salvati
  mailcheck --version

"mailcheck smtp --help" (o imap, pop3) elenca tutte le opzioni. Codici di uscita: 0 tutto riuscito,
1 la verifica ha trovato un problema, 2 uso o dati errati (nulla inviato), 130 annullata.
`,
};

export const SMTP_HELP: Localized = {
  en: `Usage: mailcheck smtp --host HOST | --email ADDRESS [options]

  --host HOST             mail server name or IP address
  --email ADDRESS         without --host: find the server first (mailcheck discover);
                          with a password, ADDRESS is also the default --user
  --port PORT             1-65535 (default 587, or 465 with --security tls)
  --security MODE         auto (default) | starttls | tls (implicit TLS) | none
  --user USER             login name (usually the e-mail address)
  --password-stdin        read the password from standard input (first line)
  --auth METHOD           password (default with --user) | oauth2 | none
  --client-id ID          OAuth2 application (client) id, with --auth oauth2
  --tenant T              OAuth2 tenant: consumers (default, personal accounts),
                          organizations, common, a tenant id or domain
  --access-token-stdin    read an OAuth2 access token from standard input
                          (implies --auth oauth2; not with --password-stdin)
  --ca FILE               extra CA certificate(s) to trust, PEM
  --from ADDR --to ADDR   also send a short test message
  --timeout MS            limit for each network wait (100-120000)
  --allow-plaintext-auth  allow sending the password without encryption
  --save NAME             after the test, save these settings (with --ca, --timeout,
                          --allow-plaintext-auth) as a profile, password in the keychain
  --profile NAME          use a saved profile (flags override its settings)
  --lang it|en            language of the output (default from LC_ALL/LANG)
  --json                  print one JSON object instead of text

The password is never accepted on the command line: pipe it, e.g.
  printf '%s\\n' "$PASSWORD" | mailcheck smtp --host smtp-mail.outlook.com --user me@outlook.com --password-stdin
`,
  it: `Uso: mailcheck smtp --host HOST | --email INDIRIZZO [opzioni]

  --host HOST             nome o indirizzo IP del server di posta
  --email INDIRIZZO       senza --host: trova prima il server (mailcheck discover);
                          con una password, INDIRIZZO è anche l'--user predefinito
  --port PORTA            1-65535 (predefinita 587, o 465 con --security tls)
  --security MODO         auto (predefinito) | starttls | tls (TLS implicito) | none
  --user UTENTE           nome di accesso (di solito l'indirizzo e-mail)
  --password-stdin        legge la password dall'input standard (prima riga)
  --auth METODO           password (predefinito con --user) | oauth2 | none
  --client-id ID          id dell'applicazione OAuth2, con --auth oauth2
  --tenant T              tenant OAuth2: consumers (predefinito, account personali),
                          organizations, common, un id di tenant o un dominio
  --access-token-stdin    legge un access token OAuth2 dall'input standard
                          (implica --auth oauth2; non insieme a --password-stdin)
  --ca FILE               certificati CA aggiuntivi da considerare attendibili, PEM
  --from IND --to IND     invia anche un breve messaggio di prova
  --timeout MS            limite per ogni attesa di rete (100-120000)
  --allow-plaintext-auth  consente di inviare la password senza crittografia
  --save NOME             dopo la verifica, salva queste impostazioni (con --ca, --timeout,
                          --allow-plaintext-auth) come profilo, password nel portachiavi
  --profile NOME          usa un profilo salvato (le opzioni ne sostituiscono i valori)
  --lang it|en            lingua dei messaggi (predefinita da LC_ALL/LANG)
  --json                  stampa un unico oggetto JSON invece del testo

La password non si passa mai sulla riga di comando: usa una pipe, per es.
  printf '%s\\n' "$PASSWORD" | mailcheck smtp --host smtp-mail.outlook.com --user io@outlook.com --password-stdin
`,
};

export const DISCOVER_HELP: Localized = {
  en: `Usage: mailcheck discover ADDRESS [options]

Finds the mail settings of ADDRESS from the address alone: the provider's autoconfig, Thunderbird's
database (ISPDB, a copy ships with Mailcheck), the domain's MX and SRV records, and guesses
(smtp./mail./the domain × 587, 465, 25). Each server found is probed up to the TLS handshake and
the login methods it offers: no password is ever sent.

  --json                  print one JSON object instead of text
  --lang it|en            language of the output (default from LC_ALL/LANG)
  --timeout MS            the whole discovery ends within MS (100-120000, default 15000)
  --no-probe              lookups only: no connection to any mail server

Environment: MAILCHECK_DNS_SERVERS=ip:port[,ip:port] sends every DNS query to those servers;
MAILCHECK_ISPDB_URL replaces https://autoconfig.thunderbird.net/v1.1/.
Exit codes: 0 an outgoing (SMTP) server was found, 1 none found, 2 bad usage, 130 cancelled.
`,
  it: `Uso: mailcheck discover INDIRIZZO [opzioni]

Trova le impostazioni di posta di INDIRIZZO dal solo indirizzo: l'autoconfigurazione del provider,
il database di Thunderbird (ISPDB, una copia è inclusa in Mailcheck), i record MX e SRV del dominio
e i tentativi (smtp./mail./il dominio × 587, 465, 25). Ogni server trovato viene provato fino
all'handshake TLS e ai metodi di accesso offerti: nessuna password viene mai inviata.

  --json                  stampa un unico oggetto JSON invece del testo
  --lang it|en            lingua dei messaggi (predefinita da LC_ALL/LANG)
  --timeout MS            la ricerca intera termina entro MS (100-120000, predefinito 15000)
  --no-probe              solo ricerche: nessuna connessione ai server di posta

Ambiente: MAILCHECK_DNS_SERVERS=ip:porta[,ip:porta] invia ogni domanda DNS a quei server;
MAILCHECK_ISPDB_URL sostituisce https://autoconfig.thunderbird.net/v1.1/.
Codici di uscita: 0 trovato un server in uscita (SMTP), 1 nessuno trovato, 2 uso errato, 130 annullata.
`,
};
const RECEIVE_PORTS: Record<ReceiveProtocol, { tls: number; plain: number; host: string }> = {
  imap: { tls: 993, plain: 143, host: 'outlook.office365.com' },
  pop3: { tls: 995, plain: 110, host: 'outlook.office365.com' },
};

/** `mailcheck imap --help` and `mailcheck pop3 --help`. */
export function receiveHelp(protocol: ReceiveProtocol): Localized {
  const { tls, plain, host } = RECEIVE_PORTS[protocol];
  return {
    en: `Usage: mailcheck ${protocol} --host HOST [options]

Tests the incoming server: connection, encryption, login and the mailbox
(${protocol === 'imap' ? 'INBOX: messages and unread' : 'number of messages and size'}). Nothing is read, moved or deleted.

  --host HOST             mail server name or IP address
  --port PORT             1-65535 (default ${tls}; ${plain} with --security starttls or none)
  --security MODE         auto (default: SSL/TLS on ${tls}, STARTTLS elsewhere when offered)
                          | starttls | tls (implicit TLS) | none
  --user USER             login name (usually the e-mail address)
  --password-stdin        read the password from standard input (first line)
  --auth METHOD           password (default with --user) | oauth2 | none
  --client-id ID          OAuth2 application (client) id, with --auth oauth2
  --tenant T              OAuth2 tenant (default consumers)
  --access-token-stdin    read an OAuth2 access token from standard input
  --ca FILE               extra CA certificate(s) to trust, PEM
  --timeout MS            limit for each network wait (100-120000)
  --allow-plaintext-auth  allow sending the password without encryption
  --save NAME             after the test, store this incoming server in the existing
                          profile NAME (its password stays the profile's)
  --profile NAME          use a saved profile's incoming server and login
  --lang it|en            language of the output (default from LC_ALL/LANG)
  --json                  print one JSON object instead of text

The password is never accepted on the command line: pipe it, e.g.
  printf '%s\\n' "$PASSWORD" | mailcheck ${protocol} --host ${host} --user me@outlook.com --password-stdin
`,
    it: `Uso: mailcheck ${protocol} --host HOST [opzioni]

Verifica il server in arrivo: connessione, cifratura, accesso e casella
(${protocol === 'imap' ? 'INBOX: messaggi e non letti' : 'numero di messaggi e dimensione'}). Nulla viene letto, spostato o cancellato.

  --host HOST             nome o indirizzo IP del server di posta
  --port PORTA            1-65535 (predefinita ${tls}; ${plain} con --security starttls o none)
  --security MODO         auto (predefinito: SSL/TLS sulla ${tls}, altrove STARTTLS se offerto)
                          | starttls | tls (TLS implicito) | none
  --user UTENTE           nome di accesso (di solito l'indirizzo e-mail)
  --password-stdin        legge la password dall'input standard (prima riga)
  --auth METODO           password (predefinito con --user) | oauth2 | none
  --client-id ID          id dell'applicazione OAuth2, con --auth oauth2
  --tenant T              tenant OAuth2 (predefinito consumers)
  --access-token-stdin    legge un access token OAuth2 dall'input standard
  --ca FILE               certificati CA aggiuntivi da considerare attendibili, PEM
  --timeout MS            limite per ogni attesa di rete (100-120000)
  --allow-plaintext-auth  consente di inviare la password senza crittografia
  --save NOME             dopo la verifica, salva questo server in arrivo nel profilo
                          esistente NOME (la password resta quella del profilo)
  --profile NOME          usa il server in arrivo e l'accesso di un profilo salvato
  --lang it|en            lingua dei messaggi (predefinita da LC_ALL/LANG)
  --json                  stampa un unico oggetto JSON invece del testo

La password non si passa mai sulla riga di comando: usa una pipe, per es.
  printf '%s\\n' "$PASSWORD" | mailcheck ${protocol} --host ${host} --user io@outlook.com --password-stdin
`,
  };
}
