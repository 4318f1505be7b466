import { defineRoute } from '../http/route';

export const userLockoutRoutes = [
  defineRoute({
    method: 'post',
    path: '/users/{username}/unlock',
    summary: 'Lift the lock repeated failed sign-ins put on an account, before its time runs out (audited)',
    tag: 'users',
    access: ['admin'],
    responses: { 200: '{username, wasLocked}: the account may sign in again', 403: 'not an administrator', 404: 'no such user' },
    async handler({ params, actor, govflow }) {
      await govflow.userAdmin.get(params.username, actor);
      return { body: await govflow.signIns.unlock(params.username, actor) };
    },
  }),
];
