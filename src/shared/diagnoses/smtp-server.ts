/**
 * Server-side and catch-all diagnoses: temporary and permanent trouble on the server's side, the
 * RFC 3463 fallback for replies no rule knows (texts built from the reply's status code), and
 * `unknown` for answers without any code.
 */
import type { DiagnosisEntry } from './types';

export const SERVER_DIAGNOSES: DiagnosisEntry[] = [
  // ---------------------------------------------------------------- catch-all
  {
    id: 'server.temporary',
    step: 'send',
    title: {
      en: 'The server has a temporary problem: try again later',
      it: 'Il server ha un problema temporaneo: riprova più tardi',
    },
    explanation: {
      en: '{host} answered during the {step} step that it cannot go on right now («{replyText}»). This is a temporary problem on the server’s side, not in your settings: nothing needs to change.',
      it: '{host} ha risposto durante il passaggio «{step}» che in questo momento non può proseguire («{replyText}»). È un problema temporaneo del server, non delle tue impostazioni: non c’è niente da cambiare.',
    },
    advice: [
      { en: 'Try again in a few minutes.', it: 'Riprova tra qualche minuto.' },
      {
        en: 'If it still happens after an hour, send the report to your provider.',
        it: 'Se succede ancora dopo un’ora, invia il report al tuo provider.',
      },
    ],
  },
  {
    id: 'server.greylisted',
    step: 'send',
    title: {
      en: 'The server asked to try again later (greylisting)',
      it: 'Il server ha chiesto di riprovare più tardi (greylisting)',
    },
    explanation: {
      en: '{host} deferred the message on purpose: with greylisting, a server turns away the first attempt from a sender it does not know yet and accepts it a few minutes later, because spam programs rarely retry. Nothing is wrong with your settings.',
      it: '{host} ha rimandato il messaggio di proposito: con il greylisting un server respinge il primo tentativo di un mittente che non conosce ancora e lo accetta pochi minuti dopo, perché i programmi di spam raramente riprovano. Le tue impostazioni non hanno niente che non va.',
    },
    advice: [
      {
        en: 'Run the test again in 5 to 15 minutes: it should go through.',
        it: 'Ripeti il test tra 5–15 minuti: dovrebbe passare.',
      },
      {
        en: 'Mail programs retry by themselves: real messages arrive, only a little late.',
        it: 'I programmi di posta riprovano da soli: i messaggi veri arrivano, solo con un po’ di ritardo.',
      },
    ],
  },
  {
    id: 'server.permanent',
    step: 'send',
    title: {
      en: 'The server has an internal problem',
      it: 'Il server ha un problema interno',
    },
    explanation: {
      en: '{host} refused during the {step} step because of a problem in its own mail system («{replyText}»), not because of your settings. It will not go away by trying again: the provider has to fix it.',
      it: '{host} ha rifiutato durante il passaggio «{step}» per un problema del suo sistema di posta («{replyText}»), non per le tue impostazioni. Non si risolve riprovando: deve intervenire il provider.',
    },
    advice: [
      {
        en: 'Send the report to your provider or to the server’s administrator.',
        it: 'Invia il report al tuo provider o all’amministratore del server.',
      },
      {
        en: 'Meanwhile, try another outgoing server you are allowed to use, if you have one.',
        it: 'Nel frattempo, se ne hai uno, prova un altro server in uscita che sei autorizzato a usare.',
      },
    ],
  },
  {
    id: 'reply.temporary',
    step: 'send',
    title: {
      en: 'The server refused for now',
      it: 'Il server per ora ha rifiutato',
    },
    explanation: {
      en: '{host} answered the {step} step with a temporary refusal: «{replyText}». Its code {replyCode} means: {replyMeaning}. A temporary refusal usually clears by itself.',
      it: '{host} ha risposto al passaggio «{step}» con un rifiuto temporaneo: «{replyText}». Il codice {replyCode} significa: {replyMeaning}. Di solito un rifiuto temporaneo si risolve da solo.',
    },
    advice: [
      { en: 'Try again in a few minutes.', it: 'Riprova tra qualche minuto.' },
      {
        en: 'If it keeps happening, send the report to your provider: the code and the server’s words tell them where to look.',
        it: 'Se continua a succedere, invia il report al tuo provider: il codice e le parole del server gli dicono dove cercare.',
      },
    ],
  },
  {
    id: 'reply.permanent',
    step: 'send',
    title: {
      en: 'The server refused',
      it: 'Il server ha rifiutato',
    },
    explanation: {
      en: '{host} answered the {step} step with a refusal: «{replyText}». Its code {replyCode} means: {replyMeaning}. Trying again gives the same answer until something changes.',
      it: '{host} ha risposto al passaggio «{step}» con un rifiuto: «{replyText}». Il codice {replyCode} significa: {replyMeaning}. Riprovando si ottiene la stessa risposta finché qualcosa non cambia.',
    },
    advice: [
      {
        en: 'Read the server’s words above: they often name what to change (an address, the login, the message).',
        it: 'Leggi le parole del server qui sopra: spesso indicano cosa cambiare (un indirizzo, l’accesso, il messaggio).',
      },
      {
        en: 'Check the user name, the sender and the recipient addresses.',
        it: 'Controlla il nome utente e gli indirizzi del mittente e del destinatario.',
      },
      {
        en: 'If it is still unclear, send the report to your provider: the code tells them where to look.',
        it: 'Se resta poco chiaro, invia il report al tuo provider: il codice gli dice dove cercare.',
      },
    ],
  },
  {
    id: 'unknown',
    step: 'greeting',
    title: { en: 'Unexpected problem', it: 'Problema imprevisto' },
    explanation: {
      en: 'The test stopped during the {step} step with an answer Mailcheck does not know yet. The exact reply is shown below: it often says what is wrong.',
      it: 'Il test si è fermato durante il passaggio «{step}» con una risposta che Mailcheck non conosce ancora. La risposta esatta è riportata qui sotto: spesso spiega il problema.',
    },
    advice: [
      {
        en: 'Read the server’s reply below.',
        it: 'Leggi la risposta del server qui sotto.',
      },
      { en: 'Try again in a few minutes.', it: 'Riprova tra qualche minuto.' },
      {
        en: 'Copy the report and send it to your provider’s support.',
        it: 'Copia il report e invialo all’assistenza del tuo provider.',
      },
    ],
  },
];
