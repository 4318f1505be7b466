import { chmodSync, chownSync, fchmodSync, mkdirSync, openSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/**
 * govflow's folders and files are for govflow's user alone: folders 0700, files 0600; folders
 * and files of an older govflow are tightened when it starts.
 *
 * One exception, as root: PostgreSQL refuses to run as root and runs as the `postgres` user, which
 * must pass through the data folder (and `.govflow` above it) to reach its cluster. Those folders
 * are then owned by root with group `postgres` and mode 0710: the group may traverse them, not
 * list or read them, and every file in them stays 0600 root's — the least that lets PostgreSQL
 * reach the one folder it owns. As root, a folder whose group is not root's got it that way.
 */
export function privateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { gid } = statSync(dir);
  chmodSync(dir, process.getuid?.() === 0 && gid !== 0 ? 0o710 : 0o700);
}

/**
 * Makes `dir` and tightens every folder (0700) and file (0600) under it, e.g. a data folder an
 * older govflow wrote; `except` names an entry of `dir` left alone.
 */
export function privateTree(dir: string, except?: string): void {
  privateFolder(dir);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === except) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) privateTree(path);
    else if (entry.isFile()) chmodSync(path, 0o600);
  }
}

/** Opens `file` for appending, made or tightened to 0600; the caller closes the descriptor. */
export function openPrivateFile(file: string): number {
  const fd = openSync(file, 'a', 0o600);
  fchmodSync(fd, 0o600);
  return fd;
}

/** Writes `file` whole, 0600 whether new or older. */
export function writePrivateFile(file: string, content: string): void {
  writeFileSync(file, content, { mode: 0o600 });
  chmodSync(file, 0o600);
}

/** Runs `spawn` with umask 077, so that what a server creates (dumps, logs, state) is 0600/0700 from the start. */
export function withPrivateUmask<T>(spawn: () => T): T {
  const previous = process.umask(0o077);
  try {
    return spawn();
  } finally {
    process.umask(previous);
  }
}

/**
 * As root: lets the user `uid`/`gid` (PostgreSQL's) reach `target` through the folders above it up
 * to `outermost` (govflow's own, made private by privateFolder), by the 0710 arrangement above.
 * Folders above `outermost` are not govflow's to change: one the user cannot pass is returned.
 */
export function grantTraversal(target: string, outermost: string, uid: number, gid: number): string | undefined {
  for (let folder = dirname(target); ; folder = dirname(folder)) {
    if (!mayTraverse(folder, uid, gid)) {
      if (relative(outermost, folder).startsWith('..')) return folder;
      chownSync(folder, statSync(folder).uid, gid);
      chmodSync(folder, 0o710);
    }
    if (folder === dirname(folder)) return undefined;
  }
}

/** Whether a user may pass through a folder by its mode bits (supplementary groups aside). */
function mayTraverse(folder: string, uid: number, gid: number): boolean {
  const { mode, uid: owner, gid: group } = statSync(folder);
  if (owner === uid) return (mode & 0o100) !== 0;
  if (group === gid) return (mode & 0o010) !== 0;
  return (mode & 0o001) !== 0;
}
