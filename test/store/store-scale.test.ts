import { randomBytes } from 'node:crypto';
import { MongoClient, type Collection, type Db, type Document } from 'mongodb';
import { queryPlan } from '../support/query-plan';

/**
 * The embedded store at volume: lookups by _id and by equality on an indexed field — an array
 * field included, as the inbox's claim keys are — use their index at 1 000 documents and still
 * at 30 000 (read from the store's own explain, not a stopwatch), and answer exactly what a full
 * scan would. Runs against whatever MONGODB_URI names; the patched FerretDB by default.
 */
describe('the store at 1 000 and 30 000 documents', () => {
  let client: MongoClient;
  let db: Db;
  let docs: Collection<Document>;
  const stored: Document[] = [];

  beforeAll(async () => {
    client = await MongoClient.connect(process.env.MONGODB_URI!);
    db = client.db(`scale_${randomBytes(4).toString('hex')}`);
    docs = db.collection('docs');
    await docs.createIndex({ queue: 1 });
    await docs.createIndex({ holder: 1 });
  });
  afterAll(async () => {
    await db.dropDatabase();
    await client.close();
  });

  /** Documents shaped like task projections: a few keys in an array, a holder, some padding. */
  async function fillTo(count: number): Promise<void> {
    while (stored.length < count) {
      const batch: Document[] = [];
      for (let n = stored.length; n < Math.min(count, stored.length + 1000); n++) {
        batch.push({ _id: `doc-${n}`, queue: n % 10 === 0 ? [`group:g${n % 70}`, `user:u${n % 300}`] : [], holder: n % 10 === 5 ? `u${n % 300}` : null, pad: 'x'.repeat(400) });
      }
      await docs.insertMany(batch);
      stored.push(...batch);
    }
  }

  const lookups: Array<[string, () => Document, string, (doc: Document) => boolean]> = [
    ['_id equality', () => ({ _id: 'doc-777' }), '_id', (doc) => doc._id === 'doc-777'],
    ['_id $in', () => ({ _id: { $in: ['doc-3', 'doc-333', 'doc-999'] } }), '_id', (doc) => ['doc-3', 'doc-333', 'doc-999'].includes(doc._id as string)],
    ['an array field holding a key', () => ({ queue: 'group:g20' }), 'queue', (doc) => (doc.queue as string[]).includes('group:g20')],
    ['an array field holding one of several keys', () => ({ queue: { $in: ['group:g30', 'user:u50'] } }), 'queue', (doc) => (doc.queue as string[]).some((key) => ['group:g30', 'user:u50'].includes(key))],
    ['a scalar field', () => ({ holder: 'u15' }), 'holder', (doc) => doc.holder === 'u15'],
  ];

  for (const size of [1_000, 30_000]) {
    describe(`with ${size} documents`, () => {
      beforeAll(() => fillTo(size), 120_000);

      it.each(lookups)('reads %s through its index, never the whole collection', async (_label, filter, field) => {
        const plan = await queryPlan(docs, filter());
        expect(plan.fullScan).toBe(false);
        expect(plan.indexedFields).toContain(field);
      });

      it.each(lookups)('answers %s exactly as a full scan would', async (_label, filter, _field, matches) => {
        const found = await docs.find(filter()).project({ _id: 1 }).toArray();
        expect(found.map((doc) => doc._id).sort()).toEqual(stored.filter(matches).map((doc) => doc._id).sort());
      });
    });
  }
});
