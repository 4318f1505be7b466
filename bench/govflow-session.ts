import { randomBytes } from 'node:crypto';
import { createLogger, Govflow, systemActor } from '../engine';
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
 * Opened by the bench entry for each govflow run and probe. A fresh database each time: on
 * FerretDB v1 every read and write costs more as a collection grows, so a run that inherited
 * the previous run's cases would measure the order of the runs, not the concurrency.
 */
export async function openGovflowSession(services: LocalServices, label: string): Promise<GovflowSession> {
  const name = `bench_${label}_${randomBytes(3).toString('hex')}`;
  const govflow = await Govflow.create({
    mongodbUri: services.mongodbUri,
    redisUrl: services.redisUrl,
    dbName: name,
    queuePrefix: name,
    logger: createLogger('bench', 2),
  });
  try {
    await govflow.deploy(approvalXml(), systemActor);
    const definition = await govflow.definitions.latest(processKey);
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
