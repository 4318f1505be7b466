import { MongoClient } from 'mongodb';

/**
 * patches/mongodb+7.8.0.patch: the driver wrote a command to a pooled connection whose socket the
 * server had just closed (destroyed, its 'close' not yet seen) and then waited for a 'drain' that
 * never comes, so the request hung for good when the store died under load. Patched, the write
 * fails at once as a network error (which govflow answers 503), and the next command gets a fresh
 * connection.
 */
describe('the MongoDB driver on a connection the server has just closed', () => {
  let client: MongoClient;

  beforeAll(async () => {
    client = new MongoClient(process.env.MONGODB_URI!, { maxPoolSize: 1, serverSelectionTimeoutMS: 1_000 });
    await client.db('admin').command({ ping: 1 });
  });

  afterAll(() => client.close());

  it('fails the write at once instead of waiting forever, and the next write gets a new connection', async () => {
    const idle = pooledConnections(client);
    expect(idle).toHaveLength(1);
    // what the server's FIN does to a pooled socket; the driver hears of it a loop turn later
    idle[0].socket.destroy();

    const outcome = await Promise.race([
      client.db('govflow_driver_patch').collection('probe').insertOne({ at: new Date() }).then(() => 'written', (error: Error) => error.name),
      new Promise((resolve) => setTimeout(resolve, 5_000, 'hung').unref()),
    ]);
    expect(outcome).toBe('MongoNetworkError');
    await client.db('govflow_driver_patch').collection('probe').insertOne({ at: new Date() });
    await client.db('govflow_driver_patch').dropDatabase();
  });
});

/** The idle connections in the client's one pool: driver internals, pinned with the patch's version. */
function pooledConnections(client: MongoClient): Array<{ socket: { destroy(): void } }> {
  const internals = client as unknown as { topology: { s: { servers: Map<string, { pool: { connections: Iterable<{ socket: { destroy(): void } }> } }> } } };
  const [server] = [...internals.topology.s.servers.values()];
  return [...server.pool.connections];
}
