import { receiptNumbers } from '../../../engine/cases';
import { useGovflowWithApprovalProcess } from '../../support/engine-fixture';

/** Receipt numbers (受理编号) are unique per day, across concurrent starts in one node and across nodes. */
describe('receipt numbers', () => {
  const engine = useGovflowWithApprovalProcess();
  const day = new Date('2026-11-26T09:00:00+08:00');

  it('gives concurrent starts of one node consecutive numbers, each once', async () => {
    const next = receiptNumbers(engine().store.models, () => day);
    const numbers = await Promise.all(Array.from({ length: 30 }, () => next()));
    expect([...numbers].sort()).toEqual(Array.from({ length: 30 }, (_, n) => `GF20261126-${String(n + 1).padStart(5, '0')}`));
  });

  it('never gives two nodes the same number, and goes on after a restart', async () => {
    const { models } = engine().store;
    const [nodeA, nodeB] = [receiptNumbers(models, () => day), receiptNumbers(models, () => day)];
    const numbers = await Promise.all(Array.from({ length: 20 }, (_, n) => (n % 2 === 0 ? nodeA() : nodeB())));
    expect(new Set(numbers).size).toBe(20);
    const restarted = receiptNumbers(models, () => day);
    expect(await restarted()).toBe('GF20261126-00051');
  });
});
