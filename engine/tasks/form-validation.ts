import type { FormField } from '../definitions/form-spec';
import type { ProblemDetail } from '../errors';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks a submission against a step's form: required fields present, each value of its type,
 * within its options, length, range and count. Fields the form does not declare are refused
 * when it declares any, so a typo never slips into the process as a new variable.
 */
export function formProblems(fields: FormField[], data: Record<string, unknown>): ProblemDetail[] {
  if (fields.length === 0) return [];
  const declared = new Set(fields.map((field) => field.name));
  const unknown = Object.keys(data)
    .filter((name) => !declared.has(name))
    .map((name) => ({ path: `/data/${name}`, message: `not a field of this form (fields: ${[...declared].join(', ')})` }));
  return [...unknown, ...fields.flatMap((field) => fieldProblems(field, data[field.name]).map((message) => ({ path: `/data/${field.name}`, message })))];
}

function fieldProblems(field: FormField, value: unknown): string[] {
  if (value === undefined || value === null || value === '') return field.required ? [`${field.label} is required`] : [];
  const typeProblem = wrongType(field, value);
  if (typeProblem) return [typeProblem];
  return [...lengthProblems(field, value), ...rangeProblems(field, value)];
}

function wrongType(field: FormField, value: unknown): string | null {
  switch (field.type) {
    case 'string':
    case 'text':
      return typeof value === 'string' ? null : 'must be text';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'integer':
      return Number.isInteger(value) ? null : 'must be a whole number';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'date':
      return typeof value === 'string' && isoDate.test(value) && !Number.isNaN(Date.parse(value)) ? null : 'must be a date as YYYY-MM-DD';
    case 'enum':
      return typeof value === 'string' && (field.options ?? []).includes(value) ? null : `must be one of ${(field.options ?? []).join(', ')}`;
    case 'list':
      return Array.isArray(value) && value.every((item) => typeof item === 'string' && item.trim() !== '') ? null : 'must be a list of texts';
    case 'materials':
      return materialsProblem(field, value);
  }
}

/** A materials field lists materials of the service, each once, as {material, reason?}. */
function materialsProblem(field: FormField, value: unknown): string | null {
  const offered = field.options ?? [];
  const expected = `must be a list of {material, reason} naming materials of this service (${offered.join(', ')})`;
  if (!Array.isArray(value) || value.length === 0) return expected;
  const keys = value.map((item) => (isRequestedMaterial(item) && offered.includes(item.material) ? item.material : null));
  if (keys.includes(null)) return expected;
  return new Set(keys).size === keys.length ? null : 'must name each material once';
}

function isRequestedMaterial(item: unknown): item is { material: string; reason?: string } {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return false;
  const { material, reason, ...rest } = item as Record<string, unknown>;
  return typeof material === 'string' && (reason === undefined || typeof reason === 'string') && Object.keys(rest).length === 0;
}

function lengthProblems(field: FormField, value: unknown): string[] {
  const problems: string[] = [];
  if (typeof value === 'string') {
    if (field.minLength !== undefined && value.length < field.minLength) problems.push(`must be at least ${field.minLength} characters`);
    if (field.maxLength !== undefined && value.length > field.maxLength) problems.push(`must be at most ${field.maxLength} characters`);
  }
  if (field.type === 'materials' && field.maxLength !== undefined && Array.isArray(value) && value.some((item: { reason?: string }) => (item.reason?.length ?? 0) > field.maxLength!)) {
    problems.push(`each reason must be at most ${field.maxLength} characters`);
  }
  if (Array.isArray(value) && field.minItems !== undefined && value.length < field.minItems) problems.push(`must list at least ${field.minItems}`);
  return problems;
}

function rangeProblems(field: FormField, value: unknown): string[] {
  if (typeof value !== 'number') return [];
  const problems: string[] = [];
  if (field.min !== undefined && value < field.min) problems.push(`must be at least ${field.min}`);
  if (field.max !== undefined && value > field.max) problems.push(`must be at most ${field.max}`);
  return problems;
}
