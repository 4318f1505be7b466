/** The shapes of names sent with answers and of the staff address book; Node-free, for the pages too. */

/**
 * The names an answer's ids stand for, sent beside the answer so a page shows 张三 and
 * 市场监督管理局 where the answer says `zhangsan` and `market-bureau`. Ids without a name (an
 * account from before names, a department the tree does not know) are left out: the page shows
 * the id.
 */
export interface Names {
  people: Record<string, string>;
  units: Record<string, string>;
}

/** The ids an answer mentions: usernames, candidate groups (`role@unit`, named by their unit) and units. */
export interface Mentions {
  /** Usernames; a group among them (a signer or a handler may be either; no username holds `@`) counts as a group. */
  people?: Iterable<string | null | undefined>;
  groups?: Iterable<string | null | undefined>;
  units?: Iterable<string | null | undefined>;
}

/** Who a picker looks for: someone to hand a task to (转办, 委派, 加签), or to copy a case to (抄送). */
export type StaffPurpose = 'tasks' | 'copies';

/** A colleague as a picker offers them: who, by name, where they work and in which groups. */
export interface StaffMember {
  username: string;
  name: string | null;
  department: string | null;
  /** The department's place in the tree, 市 / 区 / 局. */
  departmentPath: string[];
  groups: string[];
}
