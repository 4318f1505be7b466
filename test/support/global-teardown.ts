import type { LocalServices } from '../../scripts/services';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { govflowServices?: LocalServices }).govflowServices?.stop();
}
