import { NotFoundError } from '../errors';
import { CaseLedger } from '../store/case-ledger';
import type { Models } from '../store/models';
import type { AuditRecord } from '../records';
import { verifyChain, type ChainVerdict } from './hash-chain';

/** Reads and verifies case audit logs; entries are written only through the executor's outbox. */
export class AuditLog {
  readonly #models: Models;
  readonly #ledger: CaseLedger;

  constructor(models: Models, ledger: CaseLedger) {
    this.#models = models;
    this.#ledger = ledger;
  }

  /** A case's entries in order. */
  entries(caseId: string): Promise<AuditRecord[]> {
    return this.#models.audit.find({ caseId }).sort({ seq: 1 }).lean();
  }

  /** Verifies a case's chain against the head its newest revision holds; apply its outbox first. */
  async verify(caseId: string): Promise<ChainVerdict> {
    const latest = await this.#ledger.latest(caseId);
    if (!latest) throw new NotFoundError('case', caseId);
    return verifyChain(await this.entries(caseId), latest.record.auditHead);
  }
}
