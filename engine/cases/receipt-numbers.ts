import type { Models } from '../store/models';

const chinaDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * Issues public receipt numbers (受理编号) like GF20261126-00042: the China date and a daily
 * counter. A number burned by a failed start leaves a gap, never a duplicate.
 */
export function receiptNumbers(models: Models): () => Promise<string> {
  return async () => {
    const day = chinaDate.format(new Date()).replaceAll('-', '');
    const counter = await models.counters.findOneAndUpdate({ _id: `receipt:${day}` }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after' }).lean();
    return `GF${day}-${String(counter?.seq).padStart(5, '0')}`;
  };
}
