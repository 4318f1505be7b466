import type { ProblemDetail } from '../errors';
import type { MaterialSpec, ServiceGuideSpec } from '../records';
import type { NewAttachment } from './attachments';

/**
 * What is wrong with the materials handed in against the service guide: a material it does not
 * list, a file beyond a material's size or types, and — for an application (`complete`) — a
 * required material missing. Where the process allows 容缺受理 only the essential ones must be
 * there at once: the window may accept without the others, to follow within the limit.
 */
export function materialProblems(guide: ServiceGuideSpec | undefined, attachments: readonly NewAttachment[], options: { complete: boolean }): ProblemDetail[] {
  if (!guide || guide.materials.length === 0) return [];
  const byKey = new Map(guide.materials.map((material) => [material.key, material]));
  const problems = attachments.flatMap((attachment, index) => {
    if (attachment.material === undefined) return [];
    const material = byKey.get(attachment.material);
    const path = `/attachments/${index}/material`;
    if (!material) return [{ path, message: `"${attachment.material}" is not a material of this service (${[...byKey.keys()].join(', ')})` }];
    return fileProblems(material, attachment).map((message) => ({ path: `/attachments/${index}`, message }));
  });
  if (!options.complete) return problems;
  const handedIn = new Set(attachments.map((attachment) => attachment.material));
  const missing = guide.materials.filter((material) => material.required && !handedIn.has(material.key) && (material.essential || !guide.incompleteAcceptance));
  return [...problems, ...missing.map((material) => ({ path: '/attachments', message: `the required material ${material.name} (${material.key}) is missing` }))];
}

function fileProblems(material: MaterialSpec, attachment: NewAttachment): string[] {
  const problems: string[] = [];
  if (material.maxSizeMb !== undefined && attachment.size > material.maxSizeMb * 1024 * 1024) problems.push(`${material.name} may be at most ${material.maxSizeMb} MB`);
  if (material.mediaTypes && !material.mediaTypes.includes(attachment.type)) problems.push(`${material.name} must be one of ${material.mediaTypes.join(', ')}, not ${attachment.type}`);
  return problems;
}
