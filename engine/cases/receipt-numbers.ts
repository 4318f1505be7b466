import type { Models } from '../store/models';
import { isDuplicateKey } from '../store/duplicate-key';

const chinaDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * Issues public receipt numbers (受理编号) like GF20261126-00042: the China date and a daily
 * sequence. Each number is claimed by inserting it under a unique (day, seq) index and the next
 * one is tried when another start took it; an insert is atomic on every MongoDB-protocol server,
 * where an `$inc` counter is not (FerretDB v1 loses concurrent increments). A number burned by a
 * start that then failed leaves a gap, never a duplicate.
 */
export function receiptNumbers(models: Models): () => Promise<string> {
  return async () => {
    const day = chinaDate.format(new Date()).replaceAll('-', '');
    for (;;) {
      const last = await models.receipts.findOne({ day }, { seq: 1 }).sort({ seq: -1 }).lean();
      const seq = (last?.seq ?? 0) + 1;
      const receiptNo = `GF${day}-${String(seq).padStart(5, '0')}`;
      try {
        await models.receipts.create({ _id: receiptNo, day, seq });
        return receiptNo;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
  };
}
