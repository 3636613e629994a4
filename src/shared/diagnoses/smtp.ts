/**
 * What can go wrong while talking to a mail server, in plain words, with ordered advice.
 * Knowledge as data: the reply rules (smtp-rules.ts) and the engine's classifier
 * (src/engine/probe/classify.ts) map errors and server replies to these ids; docs/diagnoses.md is
 * generated from these tables. The entries live in one file per family:
 * smtp-connection.ts (DNS, network, greeting), smtp-tls.ts (encryption), smtp-auth.ts (login),
 * smtp-send.ts (sending), smtp-server.ts (server-side trouble, the RFC 3463 fallback, `unknown`).
 * Texts may use the parameters listed in DIAGNOSIS_PARAMS ({host}, {port}, {user}, {mechanisms}, {step}…)
 * and REPLY_PARAMS ({replyCode}, {replyMeaning}, {replyText}, derived from the server's reply).
 *
 * Who reads what: entries that only Microsoft's replies (or Microsoft sign-in) lead to speak of
 * Microsoft throughout. Every other entry fires for any server, so its title and explanation stay
 * neutral, and Outlook.com specifics (advice and guide links) carry `audience: 'microsoft'`, with an
 * `audience: 'other'` line where a Postfix or Gmail user would otherwise miss the advice.
 */
import type { DiagnosisEntry } from './types';
import { AUTH_DIAGNOSES } from './smtp-auth';
import { CONNECTION_DIAGNOSES } from './smtp-connection';
import { SEND_DIAGNOSES } from './smtp-send';
import { SERVER_DIAGNOSES } from './smtp-server';
import { TLS_DIAGNOSES } from './smtp-tls';

export const SMTP_DIAGNOSES: DiagnosisEntry[] = [
  ...CONNECTION_DIAGNOSES,
  ...TLS_DIAGNOSES,
  ...AUTH_DIAGNOSES,
  ...SEND_DIAGNOSES,
  ...SERVER_DIAGNOSES,
];
