import type { CommandOutput } from '../retention/command.js';

/** What a `council-api` command reads and writes: its environment, stdout and stderr (tests pass their own). */
export interface CliIo extends CommandOutput {
  env: Record<string, string | undefined>;
}

/** The real process: `process.env`, stdout and stderr. */
export const processIo: CliIo = {
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** A command of the CLI: its arguments (after the command's name) in, the process's exit code out. */
export type Command = (args: string[], io: CliIo) => Promise<number>;

/** Exit code for a command line the CLI does not understand (usage printed on stderr), as most CLIs use. */
export const USAGE_EXIT = 2;

/** An error's message, never its stack: the CLI's users need what went wrong and what to do. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
