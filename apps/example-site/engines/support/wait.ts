import { createServer } from 'node:net';

/** A TCP port free on 127.0.0.1 right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/** Resolves after `ms` (between polls only: never as a wait for something to happen). */
const tick = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls `check` until it returns something other than `false`/`undefined`/`null`, and returns it;
 * after `timeoutMs` throws "Timed out after …ms waiting for <what>" with the last error or
 * answer. An error thrown by `check` is retried (the page may be mid-render) unless it is marked
 * `fatal`.
 */
export async function waitFor<T>(what: string, timeoutMs: number, check: () => Promise<T | false | undefined | null>, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const result = await check();
      if (result !== false && result !== undefined && result !== null) return result;
      last = result;
    } catch (error) {
      if ((error as { fatal?: boolean }).fatal) throw error;
      last = error;
    }
    if (Date.now() >= deadline) {
      const detail = last instanceof Error ? `: ${last.message}` : '';
      throw new Error(`Timed out after ${timeoutMs}ms waiting for ${what}${detail}`);
    }
    await tick(intervalMs);
  }
}

/** An error `waitFor` does not retry. */
export function fatal(message: string): Error {
  return Object.assign(new Error(message), { fatal: true });
}
