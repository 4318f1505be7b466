export { UserDirectory, type NewUser } from './user-directory';
export { demoUsers } from './demo-users';
export { hasRole, systemActor, type Actor } from './actor';
export { actorKeys, audienceKeys, peopleKeys } from './audience-keys';
