import { startFreezableProxy, type FreezableProxy } from '../support/freezable-proxy';
import { createTestGovflow } from '../support/test-govflow';

/**
 * A node started while its store does not answer yet (loaded, or still starting) waits a few
 * seconds for it rather than failing its start; one whose store never answers fails, bounded.
 */
describe('starting a node on a store that is slow to answer', () => {
  let proxy: FreezableProxy;
  let storeUri: string;
  beforeAll(async () => {
    const store = new URL(process.env.MONGODB_URI!);
    proxy = await startFreezableProxy({ host: store.hostname, port: Number(store.port) });
    store.host = `${proxy.host}:${proxy.port}`;
    storeUri = store.toString();
  });
  afterEach(() => proxy.thaw());
  afterAll(() => proxy.close());

  it('waits for a store that answers after two seconds', async () => {
    proxy.freeze();
    const starting = createTestGovflow({ mongodbUri: storeUri });
    setTimeout(() => proxy.thaw(), 2_000);
    const govflow = await starting;
    try {
      expect(await govflow.store.ping()).toBe(true);
    } finally {
      await govflow.close();
    }
  });

  it('gives up on a store that never answers, within seconds', async () => {
    proxy.freeze();
    const started = Date.now();
    await expect(createTestGovflow({ mongodbUri: storeUri })).rejects.toThrow(/Server selection timed out/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
