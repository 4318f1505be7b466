import { performance } from 'node:perf_hooks';
import type { CommandFailedEvent, CommandStartedEvent, CommandSucceededEvent } from 'mongodb';
import mongoose, { type Connection } from 'mongoose';
import { bindCollections, type Collections } from './collections';
import { bindModels, type Models } from './models';
import { isStoreUnavailable } from '../faults/service-faults';

/** A command the store answered (or refused): its name and when it was sent and answered, by performance.now(). */
export type StoreCommandListener = (command: { name: string; startedAt: number; endedAt: number }) => void;

/**
 * The MongoDB side of govflow: one connection, its models (schemas, indexes, queries) and the
 * driver's collections the command path writes. Made by `Store.create`.
 */
/** How often a starting node asks a store that does not answer, a second each. */
const connectAttempts = 5;

export class Store {
  private constructor(
    readonly connection: Connection,
    readonly models: Models,
    readonly collections: Collections,
  ) {}

  /**
   * Connects to `uri` (database `dbName`, else the URI's own, else "govflow"), telling
   * `onCommand` of every command sent when given. Called once per process by Govflow.create. A
   * store that does not answer within its second is asked again a few times: a node started
   * while the store is loaded or still starting waits for it, rather than failing its start.
   */
  static async create(uri: string, dbName?: string, onCommand?: StoreCommandListener): Promise<Store> {
    for (let attempt = 1; ; attempt++) {
      const connection = mongoose.createConnection(uri, {
        dbName: dbName ?? (databaseInUri(uri) || 'govflow'),
        autoIndex: false,
        // a store that is gone is said within 2 s (503), not after mongoose's 10 s of buffering; a
        // second of the 2 is left for the rest of the request on a loaded node
        serverSelectionTimeoutMS: 1_000,
        bufferCommands: false,
        monitorCommands: onCommand !== undefined,
      });
      if (onCommand) watchCommands(connection, onCommand);
      try {
        await connection.asPromise();
        return new Store(connection, bindModels(connection), bindCollections(connection.db!));
      } catch (error) {
        await connection.close().catch(() => undefined);
        if (attempt >= connectAttempts || !isStoreUnavailable(error)) throw error;
      }
    }
  }

  /** Makes sure every index the models declare exists; after upgrades/ has dropped the ones an earlier govflow made. */
  async ensureIndexes(): Promise<void> {
    await Promise.all(Object.values(this.models).map((model) => model.createIndexes()));
  }

  /** Answers whether the database responds; used by /readyz. */
  async ping(): Promise<boolean> {
    try {
      await this.connection.db?.command({ ping: 1 });
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}

function databaseInUri(uri: string): string {
  const match = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]*)/.exec(uri);
  return decodeURIComponent(match?.[1] ?? '');
}

/** Reports each command with its start and end; the driver's events carry a request id to pair them. */
function watchCommands(connection: Connection, onCommand: StoreCommandListener): void {
  const started = new Map<number, { name: string; at: number }>();
  const client = connection.getClient();
  client.on('commandStarted', (event: CommandStartedEvent) => started.set(event.requestId, { name: event.commandName, at: performance.now() }));
  const ended = (event: CommandSucceededEvent | CommandFailedEvent) => {
    const start = started.get(event.requestId);
    started.delete(event.requestId);
    if (start) onCommand({ name: start.name, startedAt: start.at, endedAt: performance.now() });
  };
  client.on('commandSucceeded', ended);
  client.on('commandFailed', ended);
}
