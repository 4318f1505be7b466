/** Writes one progress line to stderr, so stdout stays the report; used by every bench stage. */
export function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}
