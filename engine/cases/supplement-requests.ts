import { InvalidInputError, type ProblemDetail } from '../errors';
import type { CaseRecord, FormField, ServiceGuideSpec, SupplementRequest } from '../records';
import type { NewAttachment } from './attachments';
import { materialProblems } from './materials';

/** How a step was completed, as far as a 补正 it asks for goes. */
export interface AskingStep {
  stepId: string;
  stepName: string;
  form: readonly FormField[];
  data: Record<string, unknown>;
  comment: string | undefined;
  by: string;
  at: Date;
}

/**
 * The 补正 a completed step asks for, when completing it left the case waiting for the
 * applicant's supplement (a case already waiting asks nothing new): the materials its materials
 * field lists, named from the service guide, with the reasons as written, and its opinion.
 */
export function askedSupplement(before: CaseRecord, after: CaseRecord, step: AskingStep, guide: ServiceGuideSpec | undefined, message: string): SupplementRequest | null {
  const waits = (record: CaseRecord) => record.awaiting.some((awaited) => awaited.message === message);
  if (!waits(after) || waits(before)) return null;
  const names = new Map((guide?.materials ?? []).map((material) => [material.key, material.name]));
  const listed = step.form.filter((field) => field.type === 'materials').flatMap((field) => (step.data[field.name] as Array<{ material: string; reason?: string }> | undefined) ?? []);
  return {
    stepId: step.stepId,
    stepName: step.stepName,
    askedBy: step.by,
    askedAt: step.at,
    materials: listed.map(({ material, reason }) => ({ material, name: names.get(material) ?? material, reason: reason?.trim() || null })),
    note: step.comment ?? null,
    answeredAt: null,
  };
}

/** The 补正 the applicant has yet to answer, if one is asked. */
export function openSupplementRequest(record: Pick<CaseRecord, 'supplementRequests'>): SupplementRequest | undefined {
  const last = record.supplementRequests?.at(-1);
  return last && last.answeredAt === null ? last : undefined;
}

/**
 * What is wrong with a supplement against the 补正 it answers (or the materials 容缺受理 deferred,
 * `asker` naming which): a request that lists materials is answered with exactly those — each
 * listed one handed in, each file naming one of them.
 */
export function supplementProblems(request: Pick<SupplementRequest, 'materials'> | undefined, attachments: readonly NewAttachment[], asker = 'the 补正'): ProblemDetail[] {
  if (!request || request.materials.length === 0) return [];
  const listed = new Set(request.materials.map((material) => material.material));
  const names = request.materials.map((material) => `${material.name} (${material.material})`).join(', ');
  const strays = attachments.flatMap((attachment, index) =>
    attachment.material !== undefined && listed.has(attachment.material) ? [] : [{ path: `/attachments/${index}/material`, message: `${asker} asks for ${names}; name one of them` }],
  );
  const handedIn = new Set(attachments.map((attachment) => attachment.material));
  const missing = request.materials.filter((material) => !handedIn.has(material.material)).map((material) => ({ path: '/attachments', message: `${asker} asks for ${material.name} (${material.material}), which is missing` }));
  return [...strays, ...missing];
}

/**
 * Throws the 422 of materials that are not exactly those `request` lists or break their limits
 * in the guide; for the answer to a 补正 and for the materials 容缺受理 deferred.
 */
export function assertAnswers(request: Pick<SupplementRequest, 'materials'> | undefined, attachments: readonly NewAttachment[], guide: ServiceGuideSpec | undefined, refusal: { asker?: string; message(problems: number): string }): void {
  const problems = [...supplementProblems(request, attachments, refusal.asker), ...materialProblems(guide, attachments, { complete: false })];
  if (problems.length > 0) throw new InvalidInputError(refusal.message(problems.length), problems, 422);
}

/** The requests with the open one answered at `at`. */
export function answered(requests: readonly SupplementRequest[] | undefined, at: Date): SupplementRequest[] | undefined {
  return requests?.map((request) => (request.answeredAt === null ? { ...request, answeredAt: at } : request));
}
