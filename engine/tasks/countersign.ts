
import { resolveText } from '../expressions';
import type { Countersign, CountersignSpec } from '../records';
export type { Countersign, CountersignVote } from '../records';

export type CountersignOutcome = 'pending' | 'passed' | 'rejected';

/**
 * Applies the pass rule to the votes: all must approve (one refusal rejects at once), the first
 * signature decides, or a share of all signers must approve (decided as soon as it is reached
 * or can no longer be).
 */
export function countersignOutcome(countersign: Pick<Countersign, 'spec' | 'signers' | 'votes'>): CountersignOutcome {
  const { spec, signers, votes } = countersign;
  const approvals = votes.filter((vote) => vote.decision === spec.approve).length;
  switch (spec.rule) {
    case 'all':
      if (approvals < votes.length) return 'rejected';
      return approvals >= signers.length ? 'passed' : 'pending';
    case 'any':
      if (votes.length === 0) return 'pending';
      return votes[0].decision === spec.approve ? 'passed' : 'rejected';
    case 'vote': {
      const needed = Math.ceil(spec.passShare * signers.length - 1e-9);
      if (approvals >= needed) return 'passed';
      return approvals + (signers.length - votes.length) < needed ? 'rejected' : 'pending';
    }
  }
}

/** The decision the whole countersign takes, which the process's gateways read as `decision`. */
export function collectiveDecision(spec: CountersignSpec, outcome: Exclude<CountersignOutcome, 'pending'>): string {
  return outcome === 'passed' ? spec.approve : spec.reject;
}

/** Who may sign one instance: a group (`role@department`) or a named user. */
export function signerActors(signer: string): { assignee: string | null; candidateGroups: string[] } {
  return signer.includes('@') ? { assignee: null, candidateGroups: [signer] } : { assignee: signer, candidateGroups: [] };
}

/** Resolves a list of users or groups, each possibly a `${…}` (or FEEL `= …`) giving a list or a comma-separated text. */
export function resolveSigners(items: string[], variables: Record<string, unknown>): string[] {
  return items.flatMap((item) => {
    const value = resolveText(item, variables);
    return (Array.isArray(value) ? value : String(value ?? '').split(',')).map((entry) => String(entry).trim()).filter(Boolean);
  });
}
