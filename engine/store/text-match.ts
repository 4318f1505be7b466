/** A case-insensitive "contains" condition for a search box's text, its regex characters taken literally (`.*` finds only `.*`). */
export function containing(text: string): { $regex: string; $options: 'i' } {
  return { $regex: text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), $options: 'i' };
}
