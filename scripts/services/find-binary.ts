import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Returns the full path of an executable on PATH (or among `extra` paths), or undefined. */
export function findBinary(name: string, extra: string[] = []): string | undefined {
  const candidates = [...extra, ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, name))];
  return candidates.find((path) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
