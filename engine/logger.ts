import pino, { type Logger } from 'pino';

/** A JSON-lines logger at GOVFLOW_LOG_LEVEL (default info); `fd` 2 keeps a CLI's stdout clean. */
export function createLogger(name = 'govflow', fd: 1 | 2 = 1): Logger {
  return pino({ name, level: process.env.GOVFLOW_LOG_LEVEL ?? 'info' }, pino.destination(fd));
}

export type { Logger };
