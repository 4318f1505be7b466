import { createHash } from 'node:crypto';
import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

const localDefinition = /^#\/\$defs\/(.+)$/;

/**
 * The JSON Schemas of /api/openapi.json, made from the routes' zod schemas. zod puts what a schema
 * refers to (a recursive one such as z.json()) in a local `$defs` referenced as `#/$defs/…`; inside an
 * OpenAPI document that points at the document's root and resolves nowhere, so the definitions move
 * to components.schemas, named by their content, and every operation that uses one shares it.
 */
export class SchemaComponents {
  readonly schemas: Record<string, JsonSchema> = {};

  /** A component of its own (the Problem answer); returns the reference to it. */
  named(name: string, schema: z.ZodType): JsonSchema {
    this.schemas[name] = this.of(schema, 'output');
    return { $ref: `#/components/schemas/${name}` };
  }

  /** The JSON Schema of a request body or parameter (`input`) or of an answer (`output`). */
  of(schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
    const { $schema: _dialect, $defs = {}, ...root } = z.toJSONSchema(schema, { io }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
    const names = new Map(Object.keys($defs).map((id) => [id, componentName(id, $defs)]));
    for (const [id, definition] of Object.entries($defs)) this.schemas[names.get(id) as string] = relink(definition, names) as JsonSchema;
    return relink(root, names) as JsonSchema;
  }
}

/**
 * Named by the definition and the others it may refer to (zod's ids such as `__schema0` mean
 * something else in every schema), so the same zod schema gets the same name from every route.
 */
function componentName(id: string, definitions: Record<string, JsonSchema>): string {
  return `Json${createHash('sha256').update(JSON.stringify([id, definitions])).digest('hex').slice(0, 10)}`;
}

/** Points every `#/$defs/…` reference at the definition's component. */
function relink(value: unknown, names: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => relink(item, names));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      const local = key === '$ref' && typeof item === 'string' ? localDefinition.exec(item) : null;
      if (!local) return [key, relink(item, names)];
      const name = names.get(decodeURIComponent(local[1]).replace(/~1/g, '/').replace(/~0/g, '~'));
      if (!name) throw new Error(`the schema refers to ${item}, which zod did not define`);
      return [key, `#/components/schemas/${name}`];
    }),
  );
}
