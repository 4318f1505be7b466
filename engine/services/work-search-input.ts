import type { WorkSearch } from '../tasks';
import type { UserDirectory } from '../users/user-directory';

/** A search as a person types it: the applicant by name or username rather than as usernames. */
export type WorkSearchInput = Omit<WorkSearch, 'applicants'> & { applicant?: string };

/** The search the lists run: the applicant's text resolved to the users it means (none found: the list is empty). */
export async function resolveSearch(users: UserDirectory, { applicant, ...search }: WorkSearchInput = {}): Promise<WorkSearch> {
  return applicant ? { ...search, applicants: await users.usernamesMatching(applicant) } : search;
}
