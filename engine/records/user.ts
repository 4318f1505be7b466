/** Users and their roles. */

export interface UserRecord {
  _id: string;
  passwordHash: string;
  roles: Role[];
  department: string | null;
  /** Candidate groups the user belongs to, as `role@department`. */
  groups: string[];
  createdAt: Date;
}

/** The roles a user may have. */
export type Role = 'applicant' | 'clerk' | 'leader' | 'supervisor' | 'designer' | 'admin';
