import { randomBytes } from 'node:crypto';
import { createLogger, Govflow, systemActor, type GovflowOptions } from '../engine';
import type { CompiledDefinition } from '../engine/definitions';
import type { LocalServices } from '../scripts/services';
import { approvalXml, processKey } from './approval-steps';

/** A Govflow on a database of its own with the approval process deployed. */
export interface GovflowSession {
  govflow: Govflow;
  /** The compiled version govflow's executor runs: the bare path takes its source context from here. */
  definition: CompiledDefinition;
  /** Drops the session's database and disconnects. */
  close(): Promise<void>;
}

/**
 * Opened by the bench entry for each volume and probe. A fresh database each time, filled to
 * the volume being measured (bench/preload.ts), so no run inherits another's cases.
 */
export async function openGovflowSession(services: LocalServices, label: string, options: Partial<GovflowOptions> = {}): Promise<GovflowSession> {
  const name = `bench_${label}_${randomBytes(3).toString('hex')}`;
  const govflow = await Govflow.create({
    mongodbUri: services.mongodbUri,
    redisUrl: services.redisUrl,
    dbName: name,
    queuePrefix: name,
    logger: createLogger('bench', 2),
    ...options,
  });
  try {
    await govflow.definitions.deploy(approvalXml(), systemActor);
    const definition = await govflow.registry.latest(processKey);
    return { govflow, definition, close: () => closeSession(govflow) };
  } catch (error) {
    await closeSession(govflow);
    throw error;
  }
}

async function closeSession(govflow: Govflow): Promise<void> {
  try {
    await govflow.store.connection.dropDatabase();
  } finally {
    await govflow.close();
  }
}
