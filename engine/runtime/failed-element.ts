/**
 * The BPMN element a bpmn-engine failure names. bpmn-elements' ActivityError and RunError (and
 * BpmnError) carry the message of the activity that failed as `source`, whose content holds the
 * element's id; an event definition's error names its event the same way. An error from
 * elsewhere (thrown while govflow drove the engine) names none: the executor then falls back to
 * the step the command acted at.
 */
export function failedElementId(error: unknown): string | null {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { inner?: unknown }).inner, depth++) {
    const id = (current as { source?: { content?: { id?: unknown } } }).source?.content?.id;
    if (typeof id === 'string' && id.length > 0) return id;
  }
  return null;
}

/**
 * The engine's own words for a failure; a stack overflow, which only a cycle of steps that never
 * waits can cause in a case, is said as what it means.
 */
export function failureReason(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  const text = typeof message === 'string' && message.length > 0 ? message : String(error);
  return error instanceof RangeError && /call stack/i.test(text) ? 'the process went round a loop without ever waiting (no user task or event on it) until the engine stopped it: check the loop\'s condition' : text;
}
