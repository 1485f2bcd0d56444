import type { CliIo } from '../src/cli/io.js';

/** A `council-api` command's stdout and stderr, captured, with the environment a test gives. */
export interface CapturedIo extends CliIo {
  stdout: string[];
  stderr: string[];
}

/** IO for calling a command in-process: nothing from the real environment leaks in. */
export function capture(env: Record<string, string | undefined> = {}): CapturedIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { env: { LOG_LEVEL: 'silent', ...env }, stdout, stderr, out: (line) => void stdout.push(line), err: (line) => void stderr.push(line) };
}
