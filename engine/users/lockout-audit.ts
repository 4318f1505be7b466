import { randomUUID } from 'node:crypto';
import type { Models } from '../store/models';

export type LockoutAction = 'user.locked' | 'user.unlocked';

/**
 * Writes account locks and unlocks to the log of administrative changes outside any case
 * (admin_log, as calendars and failed case starts use it). Its own module so that a later
 * audit stream of user administration can take it over in one place.
 */
export async function recordLockout(models: Models, entry: { at: Date; actor: string; action: LockoutAction; username: string; detail: string }): Promise<void> {
  await models.adminLog.create({ _id: randomUUID(), at: entry.at, actor: entry.actor, action: entry.action, target: entry.username, detail: entry.detail });
}
