import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, RLWrapperTimeouts } from 'rate-limiter-flexible';
import { TooManyRequestsError } from '../errors';
import { within } from '../faults/service-faults';
import type { Models } from '../store/models';
import type { Actor } from './actor';
import { recordLockout } from './lockout-audit';

/** One counter of failed sign-ins: so many within so long, then a refusal that lasts `blockSeconds`. */
export interface FailureLimit {
  failures: number;
  windowSeconds: number;
  blockSeconds: number;
}

/** How often sign-in may fail; every field optional with the default it documents. */
export interface SignInLimits {
  /** One username from one client address: a short pause; default 5 failures in 15 minutes, then 60 s. */
  accountAndAddress?: FailureLimit;
  /** One username from any address: the account is locked until the time passes or an administrator unlocks it; default 10 in 15 minutes, then 15 minutes. */
  account?: FailureLimit;
  /** One client address, any usernames (password spraying); default 100 in an hour, then 15 minutes. */
  address?: FailureLimit;
  /** The longest wait for Redis per call before this node's memory counts alone; default 500 ms. */
  redisTimeoutMs?: number;
}

export type ResolvedSignInLimits = Required<SignInLimits>;

/** Fills the defaults once (options.ts). */
export function resolveSignInLimits(limits: SignInLimits = {}): ResolvedSignInLimits {
  return {
    accountAndAddress: limits.accountAndAddress ?? { failures: 5, windowSeconds: 15 * 60, blockSeconds: 60 },
    account: limits.account ?? { failures: 10, windowSeconds: 15 * 60, blockSeconds: 15 * 60 },
    address: limits.address ?? { failures: 100, windowSeconds: 60 * 60, blockSeconds: 15 * 60 },
    redisTimeoutMs: limits.redisTimeoutMs ?? 500,
  };
}

type Scope = 'accountAndAddress' | 'account' | 'address';

interface Counter {
  scope: Scope;
  limit: FailureLimit;
  /** Redis, bounded by the timeout; this node's memory when Redis fails or is slow. */
  limiter: RLWrapperTimeouts;
  memory: RateLimiterMemory;
  key(username: string, address: string): string;
}

interface Refusal {
  counter: Counter;
  answer: RateLimiterRes;
}

const keyOf: Record<Scope, Counter['key']> = {
  accountAndAddress: (username, address) => `${username}@${address}`,
  account: (username) => username,
  address: (_username, address) => address,
};

/**
 * Limits password guessing (issue 11): counts failed sign-ins per account and address, per
 * account and per address in Redis (rate-limiter-flexible), so every API node sees the same
 * counts, and refuses with 429 and Retry-After once one is exceeded. Unknown usernames are
 * counted and locked like real ones, so the answers never tell which exist. When Redis is down
 * or slow, each call waits at most `redisTimeoutMs` and this node's memory counts instead, so
 * sign-in still answers. Made by Govflow; called by the sign-in route and the unlock route.
 */
export class SignInThrottle {
  readonly #counters: Counter[];
  readonly #redis: Redis;
  readonly #keyPrefix: string;
  readonly #limits: ResolvedSignInLimits;
  readonly #models: Models;
  readonly #log: Logger;
  readonly #now: () => Date;

  constructor(redis: Redis, keyPrefix: string, limits: ResolvedSignInLimits, models: Models, log: Logger, now: () => Date) {
    this.#redis = redis;
    this.#keyPrefix = `${keyPrefix}:sign-in`;
    this.#limits = limits;
    this.#models = models;
    this.#log = log;
    this.#now = now;
    this.#counters = (['accountAndAddress', 'account', 'address'] as const).map((scope) => this.#counter(scope));
  }

  /**
   * One sign-in attempt. A point is taken from every counter first — atomically, so parallel
   * guesses cannot all pass a check made before any of them failed. If one refuses, the others
   * get their point back and the attempt is answered 429 without `verify` running (the right
   * password too). Otherwise `verify` (UserDirectory.authenticate) runs: a failure keeps its
   * points, a success clears the account's counts and gives the address its point back.
   */
  async attempt<T>(username: string, address: string, verify: () => Promise<T | undefined>): Promise<T | undefined> {
    const taken = await Promise.allSettled(this.#counters.map((counter) => counter.limiter.consume(counter.key(username, address))));
    const refusals = taken.flatMap((outcome, index) => refusalOf(outcome, this.#counters[index]));
    if (refusals.length > 0) {
      await Promise.all(taken.map((outcome, index) => (outcome.status === 'fulfilled' ? this.#giveBack(this.#counters[index], username, address) : undefined)));
      await this.#auditNewLock(username, address, refusals);
      throw tooMany(refusals);
    }
    const verified = await verify();
    if (verified !== undefined) {
      await Promise.all(this.#counters.map((counter) => (counter.scope === 'address' ? this.#giveBack(counter, username, address) : this.#clear(counter, counter.key(username, address)))));
    }
    return verified;
  }

  /**
   * An administrator lifts an account's lock and its pauses per address before their time
   * (POST /api/users/{username}/unlock); audited whether or not it was locked.
   */
  async unlock(username: string, by: Actor): Promise<{ username: string; wasLocked: boolean }> {
    const account = this.#scope('account');
    const state = await account.limiter.get(username);
    const wasLocked = (state?.consumedPoints ?? 0) > account.limit.failures;
    await Promise.all([this.#clear(account, username), this.#clearPauses(username)]);
    const detail = wasLocked ? 'lifted the lock after failed sign-ins' : 'the account was not locked; its counts of failed sign-ins were cleared';
    await recordLockout(this.#models, { at: this.#now(), actor: by.username, action: 'user.unlocked', username, detail });
    return { username, wasLocked };
  }

  #counter(scope: Scope): Counter {
    const limit = this.#limits[scope];
    const options = { points: limit.failures, duration: limit.windowSeconds, blockDuration: limit.blockSeconds };
    const memory = new RateLimiterMemory({ ...options, keyPrefix: scope });
    // rejectIfRedisNotReady: while ioredis reconnects, go to memory at once instead of queueing
    const redis = new RateLimiterRedis({ ...options, storeClient: this.#redis, keyPrefix: `${this.#keyPrefix}:${scope}`, rejectIfRedisNotReady: true, insuranceLimiter: memory });
    // the wrapper hands its own blockDuration to the insurance, so it must carry the same one
    const limiter = new RLWrapperTimeouts({ limiter: redis, timeoutMs: this.#limits.redisTimeoutMs, blockDuration: limit.blockSeconds });
    return { scope, limit, limiter, memory, key: keyOf[scope] };
  }

  #scope(scope: Scope): Counter {
    return this.#counters.find((counter) => counter.scope === scope)!;
  }

  #giveBack(counter: Counter, username: string, address: string): Promise<unknown> {
    return counter.limiter.reward(counter.key(username, address), 1);
  }

  #clear(counter: Counter, key: string): Promise<unknown> {
    return Promise.all([counter.limiter.delete(key), counter.memory.delete(key)]);
  }

  /** The per-address pauses of one account, found by key pattern (a valid username holds no glob characters); bounded like every Redis call here. */
  async #clearPauses(username: string): Promise<void> {
    const stream = this.#redis.scanStream({ match: `${this.#keyPrefix}:accountAndAddress:${username}@*`, count: 1000 });
    const cleared = new Promise<void>((resolve, reject) => {
      const deletions: Array<Promise<unknown>> = [];
      stream.on('data', (keys: string[]) => {
        if (keys.length > 0) deletions.push(this.#redis.del(...keys));
      });
      stream.on('end', () => Promise.all(deletions).then(() => resolve(), reject));
      stream.on('error', reject);
    });
    const timedOut = await within(cleared.then(() => false), 4 * this.#limits.redisTimeoutMs, true);
    if (timedOut) {
      stream.destroy();
      this.#log.warn({ username }, 'Redis did not answer: the pauses per address of this account end by themselves');
    }
  }

  /** The account counter refuses with one point over its limit exactly once per lock: that attempt records it. */
  async #auditNewLock(username: string, address: string, refusals: Refusal[]): Promise<void> {
    const lock = refusals.find((refusal) => refusal.counter.scope === 'account' && refusal.answer.consumedPoints === refusal.counter.limit.failures + 1);
    if (!lock) return;
    const { failures, windowSeconds, blockSeconds } = lock.counter.limit;
    const detail = `${failures} failed sign-ins within ${inWords(windowSeconds)}, the last from ${address}: locked for ${inWords(blockSeconds)}`;
    await recordLockout(this.#models, { at: this.#now(), actor: 'system', action: 'user.locked', username, detail }).catch((error: unknown) => this.#log.error({ err: error, username }, 'could not audit an account lock'));
  }
}

function refusalOf(outcome: PromiseSettledResult<RateLimiterRes>, counter: Counter): Refusal[] {
  if (outcome.status === 'fulfilled') return [];
  // with the memory insurance, nothing but a refusal is expected; anything else is a fault
  if (!(outcome.reason instanceof RateLimiterRes)) throw outcome.reason;
  return [{ counter, answer: outcome.reason }];
}

/** The answer: the account's lock said as such, else the address's block, else the pause; Retry-After the longest wait. */
function tooMany(refusals: Refusal[]): TooManyRequestsError {
  const seconds = Math.max(1, ...refusals.map((refusal) => Math.ceil(refusal.answer.msBeforeNext / 1000)));
  const scopes = new Set(refusals.map((refusal) => refusal.counter.scope));
  const wait = inWords(seconds);
  if (scopes.has('account')) return new TooManyRequestsError(`too many failed sign-ins to this account: it is locked for ${wait}, unless an administrator unlocks it sooner`, seconds);
  if (scopes.has('address')) return new TooManyRequestsError(`too many failed sign-ins from this address: try again in ${wait}`, seconds);
  return new TooManyRequestsError(`too many failed sign-ins: try again in ${wait}`, seconds);
}

/** 45 seconds, 15 minutes: how people say a wait. */
function inWords(seconds: number): string {
  if (seconds >= 120) return `${Math.ceil(seconds / 60)} minutes`;
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}
