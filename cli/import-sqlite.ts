import { mkdirSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { MongoClient, type Collection, type Document } from 'mongodb';
import { isDuplicateKey } from '../engine/store';
import { startSqliteStore } from '../scripts/services';

/** What the import copied, per collection. */
export type ImportCounts = Record<string, { read: number; inserted: number }>;

/**
 * `govflow store import-sqlite`: copies the embedded store an earlier govflow kept in FerretDB
 * on SQLite (`folder`) into the store govflow uses now. Documents already there (by _id) are
 * kept, so the import can run again after an interruption. The database's upgrade records are
 * cleared, so the next start brings the copied documents up to this govflow (engine/upgrades),
 * and the SQLite files are moved aside into `sqlite-imported/` once copied.
 */
export async function importSqliteStore(options: { projectRoot: string; folder: string; dataDir: string; targetUri: string; database: string }): Promise<ImportCounts> {
  const files = readdirSync(options.folder).filter((name) => name.endsWith('.sqlite'));
  if (!files.some((name) => name === `${options.database}.sqlite`)) throw new Error(`${options.folder} holds no SQLite database "${options.database}" (found: ${files.join(', ') || 'none'})`);
  const source = await startSqliteStore(options.projectRoot, options.folder, options.dataDir);
  const from = new MongoClient(source.uri);
  const to = new MongoClient(options.targetUri);
  try {
    const counts: ImportCounts = {};
    const sourceDb = from.db(options.database);
    const targetDb = to.db(options.database);
    for (const { name } of await sourceDb.listCollections({}, { nameOnly: true }).toArray()) counts[name] = await copyCollection(sourceDb.collection(name), targetDb.collection(name));
    await targetDb.collection('upgrades').deleteMany({});
    moveAside(options.folder, files, join(options.dataDir, 'sqlite-imported'));
    return counts;
  } finally {
    await Promise.all([from.close(), to.close()]);
    await source.process.stop();
  }
}

async function copyCollection(source: Collection<Document>, target: Collection<Document>): Promise<{ read: number; inserted: number }> {
  let read = 0;
  let inserted = 0;
  let batch: Document[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    inserted += await insertNew(target, batch);
    batch = [];
  };
  for await (const document of source.find({})) {
    read += 1;
    batch.push(document);
    if (batch.length === 500) await flush();
  }
  await flush();
  return { read, inserted };
}

/** Inserts what is not there yet; documents whose _id is taken were copied by an earlier run. */
async function insertNew(target: Collection<Document>, documents: Document[]): Promise<number> {
  try {
    return (await target.insertMany(documents, { ordered: false })).insertedCount;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return (error as { result?: { insertedCount: number } }).result?.insertedCount ?? 0;
  }
}

function moveAside(folder: string, files: string[], aside: string): void {
  mkdirSync(aside, { recursive: true });
  for (const name of files) for (const suffix of ['', '-wal', '-shm']) {
    try {
      renameSync(join(folder, name + suffix), join(aside, name + suffix));
    } catch {
      // SQLite's -wal and -shm files exist only while a database was open
    }
  }
}
