import type { Model } from 'mongoose';

/** A page of a list: how many items, after how many. */
export interface Page {
  limit: number;
  offset: number;
}

/**
 * A page of a list in `sort`'s order, with how many the whole list holds (DESIGN.md: lists
 * answer {items, total}); the one paging helper of the case, notice, notification, alert and
 * incident lists. `query` must be served by an index of the store.
 */
export async function pagedFind<T>(model: Model<T>, query: Record<string, unknown>, sort: Record<string, 1 | -1>, page: Page): Promise<{ items: T[]; total: number }> {
  const [items, total] = await Promise.all([model.find(query).sort(sort).skip(page.offset).limit(page.limit).lean<T[]>(), model.countDocuments(query)]);
  return { items, total };
}
