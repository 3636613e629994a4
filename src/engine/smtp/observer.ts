/**
 * What the SMTP session reports through the hooks of session.ts (old probe/run.ts `observer`,
 * `decideTlsAfterEhlo`): the greeting and EHLO end their steps, STARTTLS starts the `tls` step,
 * and a refused certificate or a missing STARTTLS stops the session before the next command.
 */
import { capBytes, capList } from '../../shared/clip';
import { isWelcomeGreeting } from './greeting';
import { StepFailure } from '../runner/errors';
import { parseEhlo, type EhloFacts } from './ehlo';
import type { SessionObserver } from './session';
import { L, type SmtpRun } from './state';
import { ehloSummary, tlsSummary } from './summaries';
import { judgeTls } from './tls-steps';

/** The hooks through which the SMTP session reports its progress. */
export function observer(run: SmtpRun, isActive: () => boolean): SessionObserver {
  const { ctx } = run;
  return {
    onGreeting: (reply) => {
      if (!isActive()) return;
      run.greetingSeen?.();
      const greeting = capBytes(ctx.redactor.scrub(reply));
      ctx.server.greeting = greeting;
      if (!isWelcomeGreeting(reply)) return; // nodemailer fails it; the classifier names it
      const banner = greeting.split(/\r?\n/)[0] ?? greeting;
      run.endStep('greeting', 'pass', L(`Server greeting: ${banner}`, `Saluto del server: ${banner}`), {
        greeting,
      });
      run.startStep('ehlo');
    },
    onEhlo: (reply, secure) => {
      if (!isActive()) return null;
      const facts = parseEhlo(reply);
      // The choice of mechanism sees them all; results keep at most 4 KB of each list.
      run.offeredMechanisms = facts.authMechanisms;
      const kept = {
        ...facts,
        capabilities: capList(facts.capabilities),
        authMechanisms: capList(facts.authMechanisms),
      };
      ctx.server.capabilities = kept.capabilities;
      ctx.server.authMechanisms = kept.authMechanisms;
      if (ctx.currentStep === 'ehlo') {
        run.endStep('ehlo', 'pass', ehloSummary(kept, secure), { ...kept, secure });
        return decideTlsAfterEhlo(run, facts);
      }
      if (ctx.currentStep === 'tls' && secure && ctx.tlsInfo) {
        ctx.server.securityUsed = 'starttls';
        run.endStep('tls', 'pass', tlsSummary(ctx.tlsInfo), {
          ...ctx.tlsInfo,
          capabilitiesAfterTls: kept.capabilities,
        });
      }
      return null;
    },
    onTlsStart: () => {
      if (isActive()) ctx.transcript.info('Starting TLS handshake (STARTTLS)');
    },
    onTlsEstablished: (socket) => {
      if (!isActive()) return new Error('Connection no longer in use');
      run.restartWait(); // the handshake was one wait, the EHLO after it is the next
      const verdict = judgeTls(run, socket, 'starttls');
      if (!verdict.refusal) return null;
      run.hookFailure = new StepFailure(verdict.refusal);
      return new Error(`TLS refused: ${verdict.refusal}`);
    },
  };
}

/** After the (plaintext or implicit-TLS) EHLO: is a STARTTLS upgrade next, and is that allowed? */
export function decideTlsAfterEhlo(run: SmtpRun, facts: EhloFacts | null): Error | null {
  if (run.implicitTls) return null;
  const mode = run.req.security;
  if (mode === 'none') {
    run.endStep('tls', 'warn', L('Not encrypted (security: none)', 'Non cifrata (sicurezza: nessuna)'), {});
    return null;
  }
  if (facts?.starttls) {
    run.startStep('tls');
    return null;
  }
  if (mode === 'starttls') {
    run.startStep('tls');
    run.hookFailure = new StepFailure('tls.starttls-unavailable');
    return run.hookFailure;
  }
  run.endStep(
    'tls',
    'warn',
    L('The server offers no encryption (no STARTTLS)', 'Il server non offre crittografia (niente STARTTLS)'),
    {},
  );
  return null;
}
