/**
 * bpmn-engine's timer hook. govflow never lets a timer fire inside a process: an engine lives
 * for one command (or waits in the live-case cache), and a deadline must survive every process.
 * Timers are only recorded here; BPMN timer events wait until a durable timer drives them.
 */
export class InertTimers {
  readonly #armed = new Map<object, { owner: unknown; delay: number }>();

  register(owner: unknown) {
    return {
      setTimeout: (_callback: unknown, delay: number) => this.#arm(owner, delay),
      clearTimeout: (ref: object) => this.clearTimeout(ref),
    };
  }

  setTimeout(_callback: unknown, delay: number): object {
    return this.#arm(undefined, delay);
  }

  clearTimeout(ref: object): undefined {
    this.#armed.delete(ref);
    return undefined;
  }

  /** Read by bpmn-engine, which clears every armed timer when a run ends. */
  get executing(): object[] {
    return [...this.#armed.keys()];
  }

  #arm(owner: unknown, delay: number): object {
    const ref = {};
    this.#armed.set(ref, { owner, delay });
    return ref;
  }
}
