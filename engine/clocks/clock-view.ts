/** How urgent a clock is now: the colour of its card. */
export type ClockState = 'running' | 'warning' | 'overdue' | 'paused';

/**
 * A step's or a case's clock as the API shows it, times in China time. A module of its own,
 * free of Node, so the web pages read the same shape the server writes.
 */
export interface ClockView {
  limit: string;
  startedAt: string;
  due: string | null;
  dueDate: string | null;
  warnAt: string | null;
  state: ClockState;
  /** Milliseconds until due; negative when overdue; null while paused. */
  timeLeftMs: number | null;
  paused: boolean;
  pauses: Array<{ from: string; to: string | null; reason?: string }>;
  extensions: Array<{ at: string; by: string; added: string; reason: string }>;
  warnings: string[];
}
