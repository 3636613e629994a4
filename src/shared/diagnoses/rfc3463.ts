/**
 * Plain words for any SMTP status code, for replies no rule knows: the enhanced status code's
 * class, subject and detail (RFC 3463, with the details registered later by RFC 4954, RFC 5248,
 * RFC 6531, RFC 7372 and RFC 7505 in IANA's "SMTP Enhanced Status Codes" registry), and the basic
 * reply code (RFC 5321, RFC 3207, RFC 4954) when there is no enhanced one.
 * Sources: https://www.rfc-editor.org/rfc/rfc3463,
 * https://www.iana.org/assignments/smtp-enhanced-status-codes, https://www.rfc-editor.org/rfc/rfc5321
 * (checked 2026-12-02).
 */
import type { Lang, Localized } from '../probe-types';
import type { SmtpReply } from './smtp-reply';

const CLASS: Record<string, Localized> = {
  '2': { en: 'success', it: 'esito positivo' },
  '4': { en: 'temporary failure', it: 'errore temporaneo' },
  '5': { en: 'permanent failure', it: 'errore permanente' },
};

const SUBJECT: Record<string, Localized> = {
  '0': { en: 'other', it: 'altro' },
  '1': { en: 'addressing', it: 'indirizzi' },
  '2': { en: 'mailbox', it: 'casella' },
  '3': { en: 'mail system', it: 'sistema di posta' },
  '4': { en: 'network and routing', it: 'rete e instradamento' },
  '5': { en: 'mail protocol', it: 'protocollo di posta' },
  '6': { en: 'message content', it: 'contenuto del messaggio' },
  '7': { en: 'security or policy', it: 'sicurezza o regole del server' },
};

/** Details by `subject.detail`. */
const DETAIL: Record<string, Localized> = {
  '0.0': { en: 'no further detail', it: 'nessun dettaglio' },
  '1.0': { en: 'a problem with an address', it: 'un problema con un indirizzo' },
  '1.1': { en: 'the recipient mailbox does not exist', it: 'la casella del destinatario non esiste' },
  '1.2': {
    en: 'the recipient’s domain does not exist or takes no mail',
    it: 'il dominio del destinatario non esiste o non riceve posta',
  },
  '1.3': {
    en: 'the recipient address is not written correctly',
    it: 'l’indirizzo del destinatario non è scritto correttamente',
  },
  '1.4': { en: 'the recipient address is ambiguous', it: 'l’indirizzo del destinatario è ambiguo' },
  '1.5': { en: 'the recipient address is valid', it: 'l’indirizzo del destinatario è valido' },
  '1.6': { en: 'the mailbox has moved', it: 'la casella è stata spostata' },
  '1.7': {
    en: 'the sender address is not written correctly',
    it: 'l’indirizzo del mittente non è scritto correttamente',
  },
  '1.8': { en: 'the sender’s domain is not valid', it: 'il dominio del mittente non è valido' },
  '1.9': {
    en: 'the message was relayed to a system without SMTP',
    it: 'il messaggio è stato passato a un sistema senza SMTP',
  },
  '1.10': {
    en: 'the recipient’s domain does not accept mail (null MX)',
    it: 'il dominio del destinatario non accetta posta (MX nullo)',
  },
  '2.0': { en: 'a problem with the mailbox', it: 'un problema con la casella' },
  '2.1': { en: 'the mailbox is disabled', it: 'la casella è disattivata' },
  '2.2': { en: 'the mailbox is full', it: 'la casella è piena' },
  '2.3': {
    en: 'the message is larger than the mailbox accepts',
    it: 'il messaggio è più grande di quanto la casella accetti',
  },
  '2.4': {
    en: 'a mailing list could not be expanded',
    it: 'non è stato possibile espandere una lista di distribuzione',
  },
  '3.0': { en: 'a problem of the mail system', it: 'un problema del sistema di posta' },
  '3.1': { en: 'the mail system is full', it: 'il sistema di posta è pieno' },
  '3.2': { en: 'the system is not accepting messages now', it: 'il sistema al momento non accetta messaggi' },
  '3.3': {
    en: 'the system lacks a feature the message needs',
    it: 'al sistema manca una funzione richiesta dal messaggio',
  },
  '3.4': { en: 'the message is too big for the system', it: 'il messaggio è troppo grande per il sistema' },
  '3.5': { en: 'the system is not configured correctly', it: 'il sistema non è configurato correttamente' },
  '4.0': { en: 'a network or routing problem', it: 'un problema di rete o di instradamento' },
  '4.1': { en: 'the next server did not answer', it: 'il server successivo non ha risposto' },
  '4.2': {
    en: 'the connection to the next server broke',
    it: 'la connessione con il server successivo si è interrotta',
  },
  '4.3': {
    en: 'a directory (name lookup) server failed',
    it: 'un server di directory (ricerca dei nomi) non ha risposto',
  },
  '4.4': { en: 'the message cannot be routed', it: 'il messaggio non può essere instradato' },
  '4.5': { en: 'the mail system is congested', it: 'il sistema di posta è congestionato' },
  '4.6': { en: 'a routing loop was detected', it: 'è stato rilevato un giro a vuoto nell’instradamento' },
  '4.7': { en: 'the delivery time expired', it: 'il tempo di consegna è scaduto' },
  '5.0': { en: 'a protocol problem', it: 'un problema di protocollo' },
  '5.1': { en: 'the command is not valid', it: 'il comando non è valido' },
  '5.2': { en: 'a syntax error', it: 'un errore di sintassi' },
  '5.3': { en: 'too many recipients', it: 'troppi destinatari' },
  '5.4': { en: 'the command arguments are not valid', it: 'gli argomenti del comando non sono validi' },
  '5.5': { en: 'the protocol version is wrong', it: 'la versione del protocollo è sbagliata' },
  '5.6': { en: 'an authentication line was too long', it: 'una riga di autenticazione era troppo lunga' },
  '6.0': { en: 'a problem with the content', it: 'un problema con il contenuto' },
  '6.1': { en: 'the content type is not supported', it: 'il tipo di contenuto non è supportato' },
  '6.2': {
    en: 'a conversion was needed but is not allowed',
    it: 'serviva una conversione, ma non è consentita',
  },
  '6.3': {
    en: 'a conversion was needed but is not supported',
    it: 'serviva una conversione, ma non è supportata',
  },
  '6.4': { en: 'a conversion lost part of the content', it: 'una conversione ha perso parte del contenuto' },
  '6.5': { en: 'a conversion failed', it: 'una conversione non è riuscita' },
  '6.6': { en: 'the content is no longer available', it: 'il contenuto non è più disponibile' },
  '6.7': {
    en: 'non-ASCII addresses are not accepted',
    it: 'gli indirizzi con caratteri non ASCII non sono accettati',
  },
  '6.8': {
    en: 'a UTF-8 reply is required, but the client does not accept it',
    it: 'serve una risposta UTF-8, ma il client non la accetta',
  },
  '6.9': {
    en: 'a UTF-8 header cannot be transferred',
    it: 'un’intestazione UTF-8 non può essere trasferita',
  },
  '7.0': { en: 'a security or policy refusal', it: 'un rifiuto per sicurezza o per le regole del server' },
  '7.1': { en: 'the server’s rules do not allow this', it: 'le regole del server non lo consentono' },
  '7.2': {
    en: 'mailing list expansion is not allowed',
    it: 'l’espansione della lista di distribuzione non è consentita',
  },
  '7.3': {
    en: 'a needed security conversion is not possible',
    it: 'una conversione di sicurezza necessaria non è possibile',
  },
  '7.4': { en: 'security features are not supported', it: 'le funzioni di sicurezza non sono supportate' },
  '7.5': { en: 'a cryptographic operation failed', it: 'un’operazione crittografica non è riuscita' },
  '7.6': {
    en: 'a cryptographic algorithm is not supported',
    it: 'un algoritmo crittografico non è supportato',
  },
  '7.7': {
    en: 'a message integrity check failed',
    it: 'un controllo di integrità del messaggio non è riuscito',
  },
  '7.8': { en: 'the login credentials are not valid', it: 'le credenziali di accesso non sono valide' },
  '7.9': { en: 'the login method is too weak', it: 'il metodo di accesso è troppo debole' },
  '7.10': { en: 'encryption is needed', it: 'serve la cifratura' },
  '7.11': {
    en: 'this login method needs an encrypted connection',
    it: 'questo metodo di accesso richiede una connessione cifrata',
  },
  '7.12': { en: 'a password change is needed', it: 'serve un cambio di password' },
  '7.13': { en: 'the user account is disabled', it: 'l’account dell’utente è disattivato' },
  '7.14': { en: 'a trust relationship is required', it: 'serve un rapporto di fiducia tra i server' },
  '7.15': { en: 'the priority is too low', it: 'la priorità è troppo bassa' },
  '7.16': {
    en: 'the message is too big for its priority',
    it: 'il messaggio è troppo grande per la sua priorità',
  },
  '7.17': { en: 'the mailbox owner has changed', it: 'il titolare della casella è cambiato' },
  '7.18': { en: 'the domain owner has changed', it: 'il titolare del dominio è cambiato' },
  '7.19': {
    en: 'an ownership check (RRVS) could not be completed',
    it: 'un controllo di titolarità (RRVS) non è stato possibile',
  },
  '7.20': { en: 'no passing DKIM signature was found', it: 'non è stata trovata una firma DKIM valida' },
  '7.21': {
    en: 'no acceptable DKIM signature was found',
    it: 'non è stata trovata una firma DKIM accettabile',
  },
  '7.22': { en: 'no DKIM signature matches the author', it: 'nessuna firma DKIM corrisponde all’autore' },
  '7.23': { en: 'the SPF check failed', it: 'il controllo SPF non è riuscito' },
  '7.24': { en: 'the SPF check had an error', it: 'il controllo SPF ha avuto un errore' },
  '7.25': {
    en: 'the sending server has no valid reverse DNS name',
    it: 'il server che invia non ha un nome DNS inverso valido',
  },
  '7.26': {
    en: 'several sender authentication checks failed',
    it: 'diversi controlli di autenticazione del mittente non sono riusciti',
  },
  '7.27': {
    en: 'the sender’s domain does not accept mail (null MX)',
    it: 'il dominio del mittente non accetta posta (MX nullo)',
  },
  '7.29': { en: 'the ARC check failed', it: 'il controllo ARC non è riuscito' },
  '7.30': { en: 'REQUIRETLS is needed', it: 'serve REQUIRETLS' },
};

/** Basic reply codes (RFC 5321 §4.2.3, RFC 3207, RFC 4954), for replies without an enhanced code. */
const BASIC: Record<string, Localized> = {
  '421': {
    en: 'the service is not available and closes the connection',
    it: 'il servizio non è disponibile e chiude la connessione',
  },
  '432': { en: 'a password transition is needed', it: 'serve un cambio di password' },
  '450': { en: 'the mailbox is not available right now', it: 'la casella al momento non è disponibile' },
  '451': { en: 'a local error on the server', it: 'un errore locale del server' },
  '452': { en: 'the server is short of storage', it: 'il server ha poco spazio' },
  '454': {
    en: 'a temporary failure (encryption or login)',
    it: 'un errore temporaneo (cifratura o accesso)',
  },
  '455': {
    en: 'the server cannot accept these parameters now',
    it: 'il server ora non può accettare questi parametri',
  },
  '500': { en: 'the command was not recognized', it: 'il comando non è stato riconosciuto' },
  '501': { en: 'the command’s arguments are not valid', it: 'gli argomenti del comando non sono validi' },
  '502': { en: 'the command is not implemented', it: 'il comando non è implementato' },
  '503': { en: 'the commands came in the wrong order', it: 'i comandi sono arrivati nell’ordine sbagliato' },
  '504': {
    en: 'the command parameter is not implemented',
    it: 'il parametro del comando non è implementato',
  },
  '521': { en: 'the server does not accept mail', it: 'il server non accetta posta' },
  '530': { en: 'a login is required first', it: 'prima serve l’accesso' },
  '534': { en: 'the login method is too weak', it: 'il metodo di accesso è troppo debole' },
  '535': { en: 'the login credentials are not valid', it: 'le credenziali di accesso non sono valide' },
  '538': {
    en: 'this login method needs an encrypted connection',
    it: 'questo metodo di accesso richiede una connessione cifrata',
  },
  '550': {
    en: 'the action was refused (mailbox unavailable or not allowed)',
    it: 'l’operazione è stata rifiutata (casella non disponibile o non consentita)',
  },
  '551': { en: 'the user is not local to this server', it: 'l’utente non è su questo server' },
  '552': { en: 'a storage limit was exceeded', it: 'è stato superato un limite di spazio' },
  '553': { en: 'the mailbox name is not allowed', it: 'il nome della casella non è consentito' },
  '554': { en: 'the transaction failed', it: 'la transazione non è riuscita' },
  '555': {
    en: 'the MAIL FROM or RCPT TO parameters are not recognized',
    it: 'i parametri di MAIL FROM o RCPT TO non sono riconosciuti',
  },
};

const BASIC_CLASS: Record<string, Localized> = {
  '2': {
    en: 'an answer that does not fit this step',
    it: 'una risposta che non si adatta a questo passaggio',
  },
  '3': {
    en: 'an answer that does not fit this step',
    it: 'una risposta che non si adatta a questo passaggio',
  },
  '4': { en: 'a temporary failure', it: 'un errore temporaneo' },
  '5': { en: 'a permanent failure', it: 'un errore permanente' },
};

/**
 * What a reply's status code means, in one language: from the enhanced code when there is one
 * (`permanent failure (security or policy): the server’s rules do not allow this`), else from the
 * basic code. Never empty.
 */
export function describeReplyStatus(reply: SmtpReply, lang: Lang): string {
  if (reply.enhanced) {
    const [cls = '', subject = '', detail = ''] = reply.enhanced.split('.');
    const head = CLASS[cls]?.[lang] ?? CLASS['5']![lang];
    const about = SUBJECT[subject]?.[lang];
    const what = DETAIL[`${subject}.${detail}`]?.[lang];
    if (about && what) return `${head} (${about}): ${what}`;
    if (about) return `${head} (${about})`;
    return head;
  }
  const basic = BASIC[reply.code]?.[lang];
  if (basic) return basic;
  return BASIC_CLASS[reply.code.charAt(0)]?.[lang] ?? BASIC_CLASS['5']![lang];
}

/** `550 5.7.1` or `550`: the codes of a reply as people quote them. */
export function replyCodes(reply: SmtpReply): string {
  return reply.enhanced ? `${reply.code} ${reply.enhanced}` : reply.code;
}
