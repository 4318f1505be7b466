import type { OrgDirectory } from '../org/org-directory';
import type { Models } from '../store/models';
import type { UserRecord } from '../records';
import type { Mentions, Names } from './names';

/**
 * Looks names up for answers: people in one read by id of just the users mentioned (never a
 * scan, whatever the number of users), units from the tree the node keeps in memory.
 */
export class NameBook {
  readonly #models: Models;
  readonly #org: OrgDirectory;

  constructor(models: Models, org: OrgDirectory) {
    this.#models = models;
    this.#org = org;
  }

  async names(mentions: Mentions): Promise<Names> {
    const [groups, usernames] = partition([...present(mentions.people)], (id) => id.includes('@'));
    const codes = new Set([...present(mentions.units), ...[...groups, ...present(mentions.groups)].map(unitOfGroup)]);
    const [users, tree] = await Promise.all([
      usernames.length > 0 ? this.#models.users.find({ _id: { $in: [...usernames] }, name: { $exists: true } }, { name: 1 }).lean<Array<Pick<UserRecord, '_id' | 'name'>>>() : [],
      this.#org.tree(),
    ]);
    const units = [...codes].flatMap((code) => (tree.has(code) ? [[code, tree.nameOf(code)] as const] : []));
    return { people: Object.fromEntries(users.map((user) => [user._id, user.name as string])), units: Object.fromEntries(units) };
  }
}

/** The unit a candidate group is at: `window@market-bureau` → `market-bureau`. */
export function unitOfGroup(group: string): string {
  return group.slice(group.indexOf('@') + 1);
}

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}

function present(ids: Iterable<string | null | undefined> | undefined): Set<string> {
  return new Set([...(ids ?? [])].filter((id): id is string => typeof id === 'string' && id !== ''));
}
