import type { Logger } from 'pino';
import { defaultFileLimits, type FileLimits } from './files/file-rules';
import { createLogger } from './logger';
import { formatTimeLimit, parseTimeLimit } from './time/time-limit';
import type { WebhookRetry } from './webhooks';
import type { ModelCheckOptions } from './definitions/model-check-pool';
import type { StoreCommandListener } from './store';
import { resolveSignInLimits, type ResolvedSignInLimits, type SignInLimits } from './users/sign-in-throttle';

/** How to run govflow; every field but the two URIs is optional with the default it documents. */
export interface GovflowOptions {
  /** MongoDB-protocol server. */
  mongodbUri: string;
  /** Redis for BullMQ jobs. */
  redisUrl: string;
  /** Database name; default: the one in the URI, else "govflow". */
  dbName?: string;
  /** Prefix of BullMQ keys, so several installations can share a Redis; default "govflow". */
  queuePrefix?: string;
  /** Let deployed models run script tasks; default false (an uploaded model must not run code). */
  allowScripts?: boolean;
  /** Worker threads that check and compile models, and deploys that may wait for one; default 1–2 threads, 4 waiting (model-check-pool.ts). */
  modelChecks?: ModelCheckOptions;
  /** Attempts of a command that keeps losing races on its case; default 8. */
  maxCommandAttempts?: number;
  /** Age after which a left-behind outbox is repaired by the sweep; default 5000 ms. */
  repairGraceMs?: number;
  /** Cases whose engine stays alive between commands in this process; default 500 (0 turns it off). */
  liveCases?: number;
  /** Where to log; default a pino logger at GOVFLOW_LOG_LEVEL. */
  logger?: Logger;
  /** The time source; default the system clock. Tests pass a settable one to reach deadlines. */
  now?: () => Date;
  /** How often sign-in may fail before 429 and an account lock; defaults in users/sign-in-throttle.ts. */
  signInLimits?: SignInLimits;
  /** Largest file one upload may be, in bytes, where no listed material says less; default 50 MB (files/file-rules). */
  fileMaxBytes?: number;
  /** How often a webhook delivery is tried and the first wait between tries (doubling); default 8 tries, 10 s. */
  webhookRetry?: WebhookRetry;
  /** The limit a department has to follow a poor rating up (差评整改) and answer; default 15WD. */
  ratingFollowUpLimit?: string;
  /** Told of every command sent to the store, when it started and ended (metrics, the bench's round-trip count); default none. */
  onStoreCommand?: StoreCommandListener;
}

export type ResolvedOptions = Required<Omit<GovflowOptions, 'dbName' | 'onStoreCommand' | 'signInLimits' | 'fileMaxBytes'>> & Pick<GovflowOptions, 'dbName' | 'onStoreCommand'> & { signInLimits: ResolvedSignInLimits; fileLimits: FileLimits };

/** Fills the defaults once, at Govflow.create. */
export function resolveOptions(options: GovflowOptions): ResolvedOptions {
  return {
    ...options,
    queuePrefix: options.queuePrefix ?? 'govflow',
    allowScripts: options.allowScripts ?? false,
    modelChecks: options.modelChecks ?? {},
    maxCommandAttempts: options.maxCommandAttempts ?? 8,
    repairGraceMs: options.repairGraceMs ?? 5_000,
    liveCases: options.liveCases ?? 500,
    logger: options.logger ?? createLogger(),
    now: options.now ?? (() => new Date()),
    signInLimits: resolveSignInLimits(options.signInLimits),
    webhookRetry: options.webhookRetry ?? { attempts: 8, delayMs: 10_000 },
    ratingFollowUpLimit: formatTimeLimit(parseTimeLimit(options.ratingFollowUpLimit ?? '15WD')),
    fileLimits: { ...defaultFileLimits, maxBytes: options.fileMaxBytes ?? defaultFileLimits.maxBytes },
  };
}
