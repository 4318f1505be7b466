import { SubjectTrail } from '../audit/subject-trail';
import type { Models } from '../store/models';
import type { UserRecord } from '../records';

/**
 * Each user's administration trail (created, disabled, enabled, access set, a lockout lifted),
 * a hash chain in `user_audit` whose head the user record keeps.
 */
export type UserAuditTrail = SubjectTrail<'username', UserRecord>;

export function userAuditTrail(models: Models, now: () => Date): UserAuditTrail {
  return new SubjectTrail({ subject: 'username', entries: models.userAudit, heads: models.users, kind: 'user' }, now);
}
