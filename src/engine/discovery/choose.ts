/**
 * Picks the setting for each protocol from everything the sources found. With probing, a server
 * that answered beats one that did not (a working ISPDB entry beats a guess, a working guess
 * beats an ISPDB entry whose port is blocked here); among equals the source priority decides,
 * then the source's own order. Without probing, priority alone, and guesses are never chosen.
 */
import type { SourceFinding, ServerCandidate, MailProtocol } from './types';
import type { Verification } from './verify';

export interface Choice {
  candidate: ServerCandidate;
  verification: Verification | null;
}

export function choose(
  findings: readonly SourceFinding[],
  protocol: MailProtocol,
  verificationOf: (candidate: ServerCandidate) => Verification | null,
  probed: boolean,
): Choice | null {
  const ranked: Array<Choice & { rank: [number, number, number] }> = [];
  for (const finding of findings) {
    finding.candidates.forEach((candidate, index) => {
      if (candidate.protocol !== protocol) return;
      const verification = probed ? verificationOf(candidate) : null;
      const ok = verification?.ok === true;
      if (finding.onlyVerified && !ok) return;
      ranked.push({ candidate, verification, rank: [ok ? 0 : 1, finding.priority, index] });
    });
  }
  ranked.sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.rank[2] - b.rank[2]);
  const best = ranked[0];
  return best ? { candidate: best.candidate, verification: best.verification } : null;
}
