import { z } from 'zod';
import { variableNamePattern } from '../../engine/definitions/names';

/** Variable names: what `${…}` conditions can name; also keeps `$` and `.` out of stored keys. */
export const variableName = z.string().regex(variableNamePattern, 'a variable name: letters, digits and _, not starting with a digit');

/** Form data or start data: named JSON values. */
export const variables = z.record(variableName, z.json()).refine((value) => Object.keys(value).length <= 200, 'at most 200 fields');

export const identifier = z.string().min(1).max(200);

/** A page of a list: `limit` items after `offset` (DESIGN.md: lists answer {items, total}). */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
};

/**
 * What a work list is narrowed by (the inbox's and the case lists' search box): parts of the
 * receipt number, title, step name and the applicant's name or username, the process, and China
 * days, both ends included. An empty field searches nothing, as a form sends it.
 */
export const workSearchQuery = {
  receiptNo: z.string().trim().max(40).optional(),
  title: z.string().trim().max(200).optional(),
  applicant: z.string().trim().max(64).optional(),
  processKey: z.string().trim().max(200).optional(),
  step: z.string().trim().max(200).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
};

/** A day range's ends must be in order: `.refine(...orderedDays)` on a query with workSearchQuery. */
export const orderedDays: [(query: { from?: string; to?: string }) => boolean, { path: string[]; message: string }] = [
  (query) => !query.from || !query.to || query.from <= query.to,
  { path: ['to'], message: 'the range ends before it starts: `to` must not be before `from`' },
];

/** A document referenced by metadata; the file itself lives in another document store under its key. */
const describedDocument = z.strictObject({
  name: z.string().trim().min(1).max(255),
  type: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/i, 'a media type such as application/pdf').max(100),
  size: z.number().int().min(0).max(10 * 1024 ** 3),
  checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'sha256: followed by 64 lowercase hex digits'),
  storageKey: z.string().trim().min(1).max(500),
  material: z.string().trim().min(1).max(100).optional(),
});

/** A file uploaded with POST /api/files, by its id; `material` says which listed material it is. */
const storedFile = z.strictObject({
  file: z.string().regex(/^[0-9a-f]{24}$/i, 'a file id as POST /api/files answered it'),
  material: z.string().trim().min(1).max(100).optional(),
});

export const attachment = z.union([storedFile, describedDocument], { error: 'an attachment is {file, material?} for a file uploaded with POST /api/files, or {name, type, size, checksum, storageKey} for a document another store keeps' });

export const attachments = z.array(attachment).max(50);

/** A problem+json answer as api/http/problem.ts writes it (RFC 9457), for the OpenAPI document. */
export const problem = z.strictObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int().min(400).max(599),
  detail: z.string(),
  /** The path of the request that failed. */
  instance: z.string(),
  /** Why, as a stable key (`not-found`, `task.claimed`, …) with what it names: pages put it in their own words. */
  reason: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  errors: z.array(z.object({ path: z.string().optional(), message: z.string(), reason: z.string().optional(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })).optional(),
});
