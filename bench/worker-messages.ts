/** `[job id, due at, fired at]`, epoch milliseconds: the smallest record of a fire worth sending. */
export type FireEntry = [id: string, at: number, firedAt: number];

/** What a worker process tells the bench process over IPC. */
export type WorkerProcessMessage =
  | { kind: 'ready' }
  | { kind: 'fires'; fires: FireEntry[] }
  /** The last message: the worker is closed, every fire has been sent; `cpuMs` is CPU used since `ready`. */
  | { kind: 'closed'; failed: number; stalled: number; errors: string[]; cpuMs: number };

/** What the bench process tells a worker process: only to stop. */
export type BenchProcessMessage = { kind: 'close' };
