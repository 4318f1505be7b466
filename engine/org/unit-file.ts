import { parse } from 'csv-parse/sync';
import { InvalidInputError, type ProblemDetail } from '../errors';
import type { UnitKind } from '../records';
import type { UnitInput } from './unit-rules';

const columns = ['code', 'name', 'kind', 'parent'] as const;

/**
 * The units of an organisation file: JSON (an array of {code, name, kind, parent}, or
 * {units: [...]}) or CSV with a header naming those columns, an empty parent for the root.
 * Only the shape is checked here; OrgDirectory.import checks the tree the rows would make.
 */
export function parseUnitFile(text: string, format: 'csv' | 'json'): UnitInput[] {
  const rows = format === 'json' ? jsonRows(text) : csvRows(text);
  const problems: ProblemDetail[] = [];
  const units = rows.map((row, index) => {
    for (const column of columns.slice(0, 3)) if (typeof row[column] !== 'string' || row[column] === '') problems.push({ path: `units[${index}].${column}`, message: `the ${column} is missing` });
    const parent = row.parent;
    return { code: String(row.code ?? ''), name: String(row.name ?? ''), kind: String(row.kind ?? '') as UnitKind, parent: typeof parent === 'string' && parent !== '' ? parent : null };
  });
  if (problems.length > 0) throw new InvalidInputError('the organisation file has rows without a code, name or kind; nothing was imported', problems, 422);
  return units;
}

function jsonRows(text: string): Array<Record<string, unknown>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InvalidInputError(`the organisation file is not JSON: ${(error as Error).message}`, [{ path: '', message: 'not JSON' }], 422);
  }
  const rows = Array.isArray(parsed) ? parsed : (parsed as { units?: unknown } | null)?.units;
  if (!Array.isArray(rows) || !rows.every((row) => typeof row === 'object' && row !== null)) throw new InvalidInputError('the organisation file is not a list of units', [{ path: 'units', message: 'an array of {code, name, kind, parent}' }], 422);
  return rows as Array<Record<string, unknown>>;
}

function csvRows(text: string): Array<Record<string, unknown>> {
  try {
    return parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Array<Record<string, unknown>>;
  } catch (error) {
    throw new InvalidInputError(`the organisation file is not CSV: ${(error as Error).message}`, [{ path: '', message: 'CSV with the columns code,name,kind,parent' }], 422);
  }
}
