import type { OrgDirectory } from '../org/org-directory';
import type { OrgTree } from '../org/org-tree';
import type { Models } from '../store/models';
import { pagedFind, type Page } from '../store/paged-find';
import { containing } from '../store/text-match';
import type { UserRecord } from '../records';
import type { StaffMember, StaffPurpose } from './names';
import { caseStaffRoles } from './roles';

const rolesFor: Record<StaffPurpose, readonly string[]> = { tasks: ['clerk', 'leader'], copies: caseStaffRoles };

/**
 * The staff address book (通讯录) behind the pickers of 转办, 委派, 加签 and 抄送: staff who may
 * take the task or read the copy (never applicants, machine clients or disabled accounts) whose username or name
 * contains the search, or who work in a unit whose name contains it, with the units under it —
 * so 东城 finds everyone of 东城区. Reads the users collection only (staff are thousands, never
 * the million cases), a page at a time by username.
 */
export class StaffSearch {
  readonly #models: Models;
  readonly #org: OrgDirectory;

  constructor(models: Models, org: OrgDirectory) {
    this.#models = models;
    this.#org = org;
  }

  async search(search: string | undefined, purpose: StaffPurpose, page: Page): Promise<{ items: StaffMember[]; total: number }> {
    const tree = await this.#org.tree();
    const { items, total } = await pagedFind<UserRecord>(this.#models.users, await this.#filter(search, purpose, tree), { _id: 1 }, page);
    return {
      items: items.map((user) => ({ username: user._id, name: user.name ?? null, department: user.department, departmentPath: (user.department && tree.view(user.department)?.path) || [], groups: user.groups })),
      total,
    };
  }

  async #filter(search: string | undefined, purpose: StaffPurpose, tree: OrgTree): Promise<Record<string, unknown>> {
    const staff = { roles: { $in: [...rolesFor[purpose]] }, disabled: { $ne: true } };
    if (!search) return staff;
    const units = (await this.#org.list(search)).flatMap((unit) => tree.subtree(unit.code));
    const contains = containing(search);
    return { ...staff, $or: [{ _id: contains }, { name: contains }, ...(units.length > 0 ? [{ department: { $in: units } }] : [])] };
  }
}
