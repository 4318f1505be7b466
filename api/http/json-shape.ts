import { InvalidInputError } from '../../engine';

/** Deepest nesting a JSON body may have; deeper bodies are refused before validation walks them. */
export const maxJsonDepth = 32;

/** A key the store cannot hold as given: MongoDB reads `$…` as an operator and `.` as a path, and NUL ends a C string. */
const unstorableKey = /^\$|\.|\u0000/;

/** NUL in text: the embedded store's PostgreSQL can hold it in no string, and no form or name needs it. */
const nul = '\u0000';

/**
 * Checks a parsed body's shape before validation: nesting depth (the validator recurses, and a
 * body thousands of levels deep would overflow its stack), keys the store cannot hold and NUL in
 * text, anywhere in the body (form data nests freely; an XML body is one string). Iterative, so no
 * body can overflow it either.
 */
export function assertStorableJson(body: unknown): void {
  // breadth first, so the first bad key in the body's own order is the one named
  const pending: Array<{ value: unknown; pointer: string; depth: number }> = [{ value: body, pointer: '', depth: 0 }];
  for (let next = 0; next < pending.length; next++) {
    const { value, pointer, depth } = pending[next];
    if (typeof value === 'string' && value.includes(nul)) throw new InvalidInputError('the body contains a NUL character', [{ path: pointer || '/', message: 'text may not contain NUL (U+0000)' }]);
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxJsonDepth) throw new InvalidInputError(`the body is nested deeper than ${maxJsonDepth} levels`, [{ path: pointer || '/', message: `at most ${maxJsonDepth} levels of objects and lists` }]);
    for (const [key, child] of Object.entries(value)) {
      const at = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (!Array.isArray(value) && unstorableKey.test(key)) throw new InvalidInputError(`the key ${JSON.stringify(key)} cannot be stored`, [{ path: at, message: 'keys may not start with $ or contain . or NUL' }]);
      pending.push({ value: child, pointer: at, depth: depth + 1 });
    }
  }
}

/** Path and query parameters reach store queries as given: none may carry NUL (see assertStorableJson). */
export function assertStorableParameters(parameters: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(parameters)) {
    if ([value].flat().some((item) => typeof item === 'string' && item.includes(nul))) {
      throw new InvalidInputError(`the parameter ${name} contains a NUL character`, [{ path: name, message: 'text may not contain NUL (U+0000)' }]);
    }
  }
}
