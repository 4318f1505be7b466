/**
 * The names a model and the API share: variable names (what `${…}` can name; no `$` or `.` in
 * a stored key) and external-task topics. Free of Node APIs: the modeler's lint runs them too.
 */
export const variableNamePattern = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** A topic workers fetch by: 1–128 letters, digits, dots, dashes, colons or underscores, from a letter or digit. */
export const topicPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** Why a mapped variable's name (an external task's, a call activity's) cannot be one, for lint; none when all can. */
export function mappingNameProblems(label: string, mappings: Array<{ name: string }>): string[] {
  return mappings.filter((mapping) => !variableNamePattern.test(mapping.name)).map((mapping) => `${label}: the mapped variable "${mapping.name}" must be a name of letters, digits and _, not starting with a digit`);
}
