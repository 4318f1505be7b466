export { UserDirectory, type NewUser } from './user-directory';
export { demoUsers } from './demo-users';
export { hasRole, systemActor, type Actor } from './actor';
export { actorKeys, audienceKeys, peopleKeys } from './audience-keys';
export { SignInThrottle, type FailureLimit, type SignInLimits } from './sign-in-throttle';
export { passwordRules } from './password-policy';
