import mongoose, { type Connection } from 'mongoose';
import { bindCollections, type Collections } from './collections';
import { bindModels, type Models } from './models';

/**
 * The MongoDB side of govflow: one connection, its models (schemas, indexes, queries) and the
 * driver's collections the command path writes. Made by `Store.create`.
 */
export class Store {
  private constructor(
    readonly connection: Connection,
    readonly models: Models,
    readonly collections: Collections,
  ) {}

  /**
   * Connects to `uri` (database `dbName`, else the URI's own, else "govflow") and makes sure
   * every index exists. Called once per process by Govflow.create.
   */
  static async create(uri: string, dbName?: string): Promise<Store> {
    const connection = mongoose.createConnection(uri, {
      dbName: dbName ?? (databaseInUri(uri) || 'govflow'),
      autoIndex: false,
      serverSelectionTimeoutMS: 10_000,
    });
    await connection.asPromise();
    const models = bindModels(connection);
    await Promise.all(Object.values(models).map((model) => model.createIndexes()));
    return new Store(connection, models, bindCollections(connection.db!));
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
