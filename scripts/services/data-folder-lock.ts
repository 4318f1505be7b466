import { linkSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isRunning, processIdentity, readIdentity, type ProcessIdentity } from './process-identity';
import { writePrivateFile } from './private-files';

/** Thrown by startLocalServices when a live govflow already runs servers on the data folder. */
export class DataFolderInUseError extends Error {
  override name = 'DataFolderInUseError';
  constructor(
    readonly dataDir: string,
    readonly owner: ProcessIdentity,
  ) {
    super(
      `the data folder ${dataDir} is in use by govflow process ${owner.pid}, which runs its servers: ` +
        'two servers on one data folder would corrupt it. Stop that process first; ' +
        'CLI commands run while it serves use its servers by themselves.',
    );
  }
}

/** The lock a govflow holds on a data folder while its servers run there. */
export interface DataFolderLock {
  release(): void;
}

/** How long a start waits for others taking over the same dead lock. */
const patienceMs = 30_000;

/**
 * Takes `dataDir/govflow.lock` for this process. The lock is made whole beside its place and
 * linked there, which fails if any lock exists: no two processes ever both hold it. A lock whose
 * owner has died (`kill -9`, a crash) is taken over, after `stopLeftovers` has stopped the
 * servers the dead owner left behind; of several processes finding the same dead lock, the one
 * that links it to its takeover name first does this, and the others look again.
 */
export async function lockDataFolder(dataDir: string, stopLeftovers: () => Promise<void>): Promise<DataFolderLock> {
  const lockFile = join(dataDir, 'govflow.lock');
  const me = processIdentity(process.pid);
  const mine = `${lockFile}.${process.pid}`;
  writePrivateFile(mine, JSON.stringify(me));
  try {
    for (const deadline = Date.now() + patienceMs; Date.now() < deadline; ) {
      if (tryLink(mine, lockFile)) return { release: () => releaseIfMine(lockFile, me) };
      const owner = readIdentity(lockFile);
      if (!owner) {
        // gone meanwhile (look again), or not a lock govflow wrote: locks are linked whole, never torn
        if (Date.now() - modified(lockFile) > 5_000) rmSync(lockFile, { force: true });
        await pause();
        continue;
      }
      if (isRunning(owner)) throw new DataFolderInUseError(dataDir, owner);
      await takeOver(lockFile, owner, stopLeftovers);
    }
    throw new Error(`could not take the lock ${lockFile}: other processes keep changing it`);
  } finally {
    rmSync(mine, { force: true });
  }
}

/** Clears a dead owner's lock, once, whoever else found it dead too. */
async function takeOver(lockFile: string, dead: ProcessIdentity, stopLeftovers: () => Promise<void>): Promise<void> {
  const takeover = `${lockFile}.dead-${dead.pid}-${dead.start ?? ''}`;
  if (!tryLink(lockFile, takeover)) {
    // another process is taking over; one that died doing so left its claim behind a minute ago
    if (Date.now() - modified(takeover) > 60_000) rmSync(takeover, { force: true });
    await pause();
    return;
  }
  try {
    const linked = readIdentity(takeover);
    if (linked?.pid !== dead.pid || linked.start !== dead.start) return; // the lock changed hands meanwhile
    await stopLeftovers();
    rmSync(lockFile, { force: true });
  } finally {
    rmSync(takeover, { force: true });
  }
}

function releaseIfMine(lockFile: string, me: ProcessIdentity): void {
  const owner = readIdentity(lockFile);
  if (owner?.pid === me.pid && owner.start === me.start) rmSync(lockFile, { force: true });
}

function tryLink(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'EEXIST' || code === 'ENOENT') return false; // taken, or gone: the caller looks again

    throw error;
  }
}

function modified(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return Date.now();
  }
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 250));
