import type { Models } from '../store/models';
import { isDuplicateKey } from '../store/duplicate-key';

const chinaDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * Issues public receipt numbers (受理编号) like GF20261126-00042: the China date and a daily
 * sequence. Each number is claimed by inserting it (its _id is the number), trying the next on a
 * clash; an insert is atomic on every MongoDB-protocol server, where an `$inc` counter is not
 * (FerretDB v1 loses concurrent increments). Within a process each start takes the next number
 * before it inserts, so concurrent starts never try the same one; a clash with another node
 * moves past it. The last number is found after a restart by probing ids. A number burned by a
 * start that failed leaves a gap, never a duplicate.
 */
export function receiptNumbers(models: Models, now: () => Date): () => Promise<string> {
  const lastTaken = new Map<string, Promise<number>>();
  const taken = async (day: string, seq: number) => (await models.receipts.exists({ _id: receiptNo(day, seq) })) !== null;
  /** The next number of the day for this process: one probe of the store per day, then counted here. */
  const next = (day: string): Promise<number> => {
    if (!lastTaken.has(day)) lastTaken.clear();
    const seq = (lastTaken.get(day) ?? highestTaken(day, taken)).then((last) => last + 1);
    lastTaken.set(day, seq);
    // a failed probe must not stay in the chain: the next start probes again
    seq.catch(() => lastTaken.get(day) === seq && lastTaken.delete(day));
    return seq;
  };

  return async () => {
    const day = chinaDate.format(now()).replaceAll('-', '');
    for (;;) {
      const seq = await next(day);
      try {
        await models.receipts.create({ _id: receiptNo(day, seq), day, seq });
        return receiptNo(day, seq);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
  };
}

function receiptNo(day: string, seq: number): string {
  return `GF${day}-${String(seq).padStart(5, '0')}`;
}

/** The highest sequence issued so far today, by doubling then bisecting over existing ids. */
async function highestTaken(day: string, taken: (day: string, seq: number) => Promise<boolean>): Promise<number> {
  let low = 0;
  let high = 1;
  while (await taken(day, high)) {
    low = high;
    high *= 2;
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (await taken(day, middle)) low = middle;
    else high = middle;
  }
  return low;
}
