export { UserDirectory, type NewUser } from './user-directory';
export { UserAdministration, type UserAccount, type UserView } from './user-administration';
export { UserAuditTrail, type UserAuditFacts } from './user-audit';
export { RefreshTokens, type IssuedRefreshToken, type RefreshTokenPolicy } from './refresh-tokens';
export type { UserAccess } from './access-rules';
export { demoUsers } from './demo-users';
export { hasRole, systemActor, type Actor } from './actor';
export { actorKeys, audienceKeys, peopleKeys } from './audience-keys';
