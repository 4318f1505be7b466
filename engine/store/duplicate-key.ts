/** MongoDB's E11000: an insert hit a unique index. Inserts that race rely on it. */
export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: number }).code === 11000;
}
