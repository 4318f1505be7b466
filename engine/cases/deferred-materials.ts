import { startClock } from '../clocks';
export { deferredClockKey } from '../deadlines/deadline-jobs';
import type { CaseRecord, DeferredMaterials, ServiceGuideSpec } from '../records';
import type { WorkingCalendar } from '../time';

/** What a case refused for deferred materials never handed in came to. */
export const deferredRefusal = '不予许可（容缺后补材料逾期未补齐）';

/**
 * 容缺受理 at acceptance: the required materials the application came without — only
 * non-essential ones can be missing, the start refuses the others — to follow within the guide's
 * limit. Null when nothing is missing or the service does not accept incomplete applications.
 */
export function deferredAtAcceptance(current: CaseRecord, guide: ServiceGuideSpec | undefined, now: Date, calendar: WorkingCalendar): DeferredMaterials | null {
  if (!guide?.incompleteAcceptance || !guide.supplementLimit) return null;
  const handedIn = new Set(current.attachments.map((attachment) => attachment.material));
  const missing = guide.materials.filter((material) => material.required && !handedIn.has(material.key));
  if (missing.length === 0) return null;
  return { materials: missing.map((material) => ({ material: material.key, name: material.name, reason: null })), acceptedAt: now, clock: startClock(guide.supplementLimit, 1, now, calendar), handedInAt: null };
}

/** The deferred materials the applicant has still to hand in, if any. */
export function outstandingMaterials(record: Pick<CaseRecord, 'deferredMaterials'>): DeferredMaterials | undefined {
  const deferred = record.deferredMaterials;
  return deferred && deferred.handedInAt === null ? deferred : undefined;
}

/** What the applicant is told at 容缺受理. */
export function deferredNotice(receiptNo: string, deferred: DeferredMaterials): string {
  return `容缺受理（${receiptNo}）：请于 ${deferred.clock.dueDate ?? ''} 前补交 ${deferred.materials.map((material) => material.name).join('、')}，逾期未补齐的不予许可`;
}
