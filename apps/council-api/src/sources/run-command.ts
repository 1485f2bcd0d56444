import { spawn } from 'node:child_process';
import { SourceError } from './problems.js';

/*
 * Runs a scraper as a program with arguments, never through a shell (`shell: false`: the
 * arguments reach the program exactly as given, whatever characters they hold). It runs in a
 * process group of its own, so a timeout kills the whole tree (a Python scraper may start a
 * browser). Its output is bounded: a runaway scraper cannot fill the API's memory.
 */

export interface RunCommandOptions {
  /** Killed (with its children) after this long. */
  timeoutMs: number;
  /** Most bytes of standard output read; more is a failure. */
  maxStdoutBytes?: number;
  /** Most bytes of standard error kept for the log; the rest is dropped. */
  maxStderrBytes?: number;
}

export interface CommandResult {
  stdout: string;
  /** The start of standard error, for the log (never for a response). */
  stderr: string;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
}

/** Kills the process group `pid` leads (its children too); quietly if it has gone. */
function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone, or not a group leader: kill the process itself.
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
}

/**
 * Runs `argv` (program first) and resolves with what it printed and how it ended. Rejects with a
 * `SourceError`: `timeout` when it ran too long, `unusable` when it printed too much,
 * `unavailable` when it could not be started. The error's details hold the start of stderr.
 */
export function runCommand(argv: readonly string[], { timeoutMs, maxStdoutBytes = 1_000_000, maxStderrBytes = 4_000 }: RunCommandOptions): Promise<CommandResult> {
  const [program, ...args] = argv;
  if (!program) return Promise.reject(new SourceError('misconfigured', 'No program to run'));
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { shell: false, detached: true, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = '';
    let settled = false;
    const finish = (error?: SourceError, result?: CommandResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        killGroup(child.pid);
        reject(error);
      } else resolve(result!);
    };
    const timer = setTimeout(() => {
      finish(new SourceError('timeout', `The scraper did not finish in ${timeoutMs / 1000} s`, { stderr }));
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > maxStdoutBytes) {
        finish(new SourceError('unusable', `The scraper printed more than ${maxStdoutBytes} bytes`, { stderr }));
        return;
      }
      stdout.push(chunk);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < maxStderrBytes) stderr = (stderr + chunk).slice(0, maxStderrBytes);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      finish(new SourceError('misconfigured', `The scraper could not be started (${error.code ?? error.name})`));
    });
    child.on('close', (exitCode, signal) => {
      // Anything the scraper left running (a browser driver) goes with it.
      killGroup(child.pid);
      finish(undefined, { stdout: Buffer.concat(stdout).toString('utf8'), stderr, exitCode, signal });
    });
  });
}
