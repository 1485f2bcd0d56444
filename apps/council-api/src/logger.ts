import { systemClock } from './clock.js';
import { logLevels, type LogLevel } from './config.js';

/**
 * Structured JSON logs, one object a line. Callers must never pass personal data: no query
 * strings (postcodes are personal data), no request bodies, no IP addresses.
 */
export interface Logger {
  error(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  debug(msg: string, fields?: Record<string, unknown>): void;
}

export function createLogger(level: LogLevel, write: (line: string) => void = defaultWrite): Logger {
  const threshold = logLevels.indexOf(level);
  const log =
    (at: Exclude<LogLevel, 'silent'>) =>
    (msg: string, fields: Record<string, unknown> = {}): void => {
      if (threshold < logLevels.indexOf(at)) return;
      // The real time (the clock module's system clock), on purpose, not the app's clock: a log
      // line says when it was written, even when the app runs as if it were another day.
      write(JSON.stringify({ time: systemClock.now().toISOString(), level: at, msg, ...fields }));
    };
  return { error: log('error'), warn: log('warn'), info: log('info'), debug: log('debug') };
}

function defaultWrite(line: string): void {
  process.stdout.write(`${line}\n`);
}
