import { InvalidInputError, type ProblemDetail } from '../errors';
import type { Role } from '../records';
import { caseStaffRoles } from '../users/roles';

/** What 抄送 asks the user directory (UserDirectory): who of these exist with one of these roles, which groups such a user holds. */
export interface StaffLookup {
  existingUsers(usernames: string[], withRole: readonly Role[]): Promise<Set<string>>;
  heldGroups(groups: string[], withRole: readonly Role[]): Promise<Set<string>>;
}

/**
 * 抄送 goes only to staff who exist now: a user with a staff role, or a group (`role@department`)
 * some such user holds; a copy grants reading, so a typo or an applicant's name must not get one.
 * An unknown name and an applicant's get the same reason, so the answer does not tell which
 * applicant accounts exist. Checked before the command runs: a refusal writes nothing.
 *
 * @throws InvalidInputError (422) naming each refused recipient by its JSON pointer.
 */
export async function assertCopyRecipients(lookup: StaffLookup, users: string[], groups: string[]): Promise<void> {
  const [staff, held] = await Promise.all([lookup.existingUsers(users, caseStaffRoles), lookup.heldGroups([...new Set(groups)], caseStaffRoles)]);
  const problems: ProblemDetail[] = [
    ...users.flatMap((user, index) => (staff.has(user) ? [] : [{ path: `/users/${index}`, message: `no member of staff is called ${JSON.stringify(user)}` }])),
    ...groups.flatMap((group, index) => (held.has(group) ? [] : [{ path: `/groups/${index}`, message: `no member of staff holds the group ${JSON.stringify(group)}` }])),
  ];
  if (problems.length > 0) throw new InvalidInputError('a case is copied only to members of staff, or to groups they hold', problems, 422);
}
