import type { Collection, Document } from 'mongodb';
import type { Govflow } from '../engine';
import type { Collections } from '../engine/store';
import { approvalSteps, benchApplicant, benchClerk, processKey } from './approval-steps';
import { progress } from './progress';

/** How the stored cases are spread: a city's departments, their clerks and applicants. */
export interface PreloadPlan {
  cases: number;
  /** Share of cases still open, waiting at one of the steps (the rest have ended). */
  openShare: number;
  /** Departments the cases belong to, none of them the bench clerk's: whatever is stored, the clerk's own queue is the same. */
  departments: number;
  clerks: number;
  applicants: number;
}

/** The documents one case holds in each collection, as govflow wrote them. */
type CaseDocuments = Partial<Record<keyof Collections, Document[]>>;

const batchSize = 1_000;

/**
 * Fills a session's store with `plan.cases` cases in exactly the shape govflow writes: a few
 * real cases are run through govflow first — one that ends, one waiting at each step — and
 * their documents (revisions, head, tasks, audit entries, cards, notifications) are copied
 * under new ids, departments, clerks, applicants and receipt numbers. Far faster than running
 * every case, and every index and projection the command path touches holds real documents.
 * The copies' audit chains are not hashed anew: nothing in the bench verifies them.
 */
export async function preloadCases(govflow: Govflow, plan: PreloadPlan): Promise<void> {
  if (plan.cases === 0) return;
  const templates = { ended: await templateCase(govflow, approvalSteps.length), open: await Promise.all(approvalSteps.map((_, done) => templateCase(govflow, done))) };
  const startedAt = Date.now();
  const pending = new Map<keyof Collections, Document[]>();
  let writes: Array<Promise<unknown>> = [];
  for (let n = 0; n < plan.cases; n++) {
    const open = n % Math.round(1 / plan.openShare) === 0;
    const template = open ? templates.open[n % templates.open.length] : templates.ended;
    for (const [name, documents] of Object.entries(copyCase(template, n, plan)) as Array<[keyof Collections, Document[]]>) {
      const batch = [...(pending.get(name) ?? []), ...documents];
      if (batch.length < batchSize) pending.set(name, batch);
      else {
        pending.delete(name);
        writes.push(insertAll(govflow.store.collections[name] as unknown as Collection<Document>, batch));
      }
    }
    if (writes.length >= 4) {
      await Promise.all(writes);
      writes = [];
    }
    if ((n + 1) % 10_000 === 0) progress(`  preloaded ${n + 1}/${plan.cases} cases (${Math.round(((n + 1) * 1000) / (Date.now() - startedAt))} cases/s)`);
  }
  for (const [name, batch] of pending) writes.push(insertAll(govflow.store.collections[name] as unknown as Collection<Document>, batch));
  await Promise.all(writes);
}

/** A case run through govflow until `done` steps are completed, and the documents it left. */
async function templateCase(govflow: Govflow, done: number): Promise<{ id: string; receiptNo: string; documents: CaseDocuments }> {
  const { result } = await govflow.cases.start({ processKey, title: 'bench', data: { n: 1 } }, benchApplicant);
  let taskId = (await govflow.tasks.list(benchClerk, 'claimable')).items.find((task) => task.caseId === result.id)?.id ?? '';
  for (const step of approvalSteps.slice(0, done)) taskId = (await govflow.tasks.complete(taskId, { decision: step.decision }, benchClerk)).nextTasks[0]?.id ?? '';
  const { collections } = govflow.store;
  const byCase = { caseId: result.id };
  const documents: CaseDocuments = {
    caseRevisions: await collections.caseRevisions.find(byCase).toArray(),
    cases: await collections.cases.find({ _id: result.id }).toArray(),
    tasks: await collections.tasks.find(byCase).toArray(),
    audit: await collections.audit.find(byCase).toArray(),
    alerts: await collections.alerts.find(byCase).toArray(),
    notifications: await collections.notifications.find(byCase).toArray(),
  };
  return { id: result.id, receiptNo: result.receiptNo, documents };
}

/** The template's documents as the `n`-th stored case: every id, department, clerk and applicant replaced. */
function copyCase(template: { id: string; receiptNo: string; documents: CaseDocuments }, n: number, plan: PreloadPlan): CaseDocuments {
  const department = `dept-${n % plan.departments}`;
  const replacements: Array<[string, string]> = [
    [template.id, `preload-${String(n).padStart(7, '0')}-${template.id.slice(0, 8)}`],
    [template.receiptNo, `GF20250101-P${String(n).padStart(7, '0')}`],
    [benchClerk.department!, department],
    [benchClerk.username, `clerk-${n % plan.clerks}`],
    [benchApplicant.username, `applicant-${n % plan.applicants}`],
  ];
  const rewrite = (value: unknown): unknown => {
    if (typeof value === 'string') return replacements.reduce((text, [from, to]) => (text.includes(from) ? text.split(from).join(to) : text), value);
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && Object.getPrototypeOf(value) === Object.prototype) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, rewrite(inner)]));
    return value; // dates, binary engine state
  };
  return Object.fromEntries(Object.entries(template.documents).map(([name, documents]) => [name, documents.map((document) => rewrite(document) as Document)]));
}

async function insertAll(collection: Collection<Document>, documents: Document[]): Promise<void> {
  if (documents.length > 0) await collection.insertMany(documents, { ordered: false });
}
