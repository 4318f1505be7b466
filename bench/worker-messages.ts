/** `[job id, due at, fired at]`, epoch milliseconds: the smallest record of a fire worth sending. */
export type FireEntry = [id: string, at: number, firedAt: number];

/** What a worker process tells the bench process over IPC. */
export type WorkerProcessMessage =
  | { kind: 'ready' }
  | { kind: 'fires'; fires: FireEntry[] }
  /** The last message: the worker is closed and every fire has been sent. */
  | { kind: 'closed'; failed: number; stalled: number; errors: string[] };

/** What the bench process tells a worker process: only to stop. */
export type BenchProcessMessage = { kind: 'close' };
