/** A BPMN timer armed in an engine: which activity waits, and when it is due. */
export interface ArmedTimer {
  executionId: string;
  stepId: string;
  fireAt: Date;
}

interface Armed {
  owner: { id?: string; executionId?: string; expireAt?: string | Date } | undefined;
  delay: number;
  armedAt: number;
  callback: (...args: unknown[]) => unknown;
  args: unknown[];
}

/**
 * bpmn-engine's timer hook. govflow never lets a timer fire on its own inside a process: an
 * engine lives for one command (or waits in the live-case cache), and a timer must survive
 * every process. Armed timers are recorded here and become BullMQ jobs; when a job fires, the
 * FireTimer command recovers the engine and calls `fire` for that activity.
 */
export class InertTimers {
  readonly #armed = new Map<object, Armed>();

  register(owner: Armed['owner']) {
    return {
      setTimeout: (callback: Armed['callback'], delay: number, ...args: unknown[]) => this.#arm(owner, callback, delay, args),
      clearTimeout: (ref: object) => this.clearTimeout(ref),
    };
  }

  setTimeout(callback: Armed['callback'], delay: number, ...args: unknown[]): object {
    return this.#arm(undefined, callback, delay, args);
  }

  clearTimeout(ref: object): undefined {
    this.#armed.delete(ref);
    return undefined;
  }

  /** Read by bpmn-engine, which clears every armed timer when a run ends. */
  get executing(): object[] {
    return [...this.#armed.keys()];
  }

  /** The BPMN timers waiting in the engine now. */
  armed(): ArmedTimer[] {
    return [...this.#armed.values()].filter((armed) => armed.owner?.executionId).map((armed) => ({
      executionId: String(armed.owner?.executionId),
      stepId: String(armed.owner?.id),
      fireAt: armed.owner?.expireAt ? new Date(armed.owner.expireAt) : new Date(armed.armedAt + armed.delay),
    }));
  }

  /** Fires the timer of an activity; false when none is armed for it (already fired or cancelled). */
  fire(executionId: string): boolean {
    for (const [ref, armed] of this.#armed) {
      if (armed.owner?.executionId !== executionId) continue;
      this.#armed.delete(ref);
      armed.callback(...armed.args);
      return true;
    }
    return false;
  }

  #arm(owner: Armed['owner'], callback: Armed['callback'], delay: number, args: unknown[]): object {
    const ref = {};
    this.#armed.set(ref, { owner, callback, delay, args, armedAt: Date.now() });
    return ref;
  }
}
