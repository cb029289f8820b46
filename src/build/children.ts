/**
 * Child processes that a signal cannot orphan. Each child runs in its own process group
 * (`detached`), so that stopping it stops what it started too (tsx's node, npx's astro);
 * `forwardSignals` passes SIGINT/SIGTERM/SIGHUP on to every live group and lets the caller clean
 * up before exiting. Without it, `kill -TERM` of a build killed the script and
 * left its astro running, which rewrote the output 40 s later.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { constants } from 'node:os';

export const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type StopSignal = (typeof SIGNALS)[number];

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Child {
  process: ChildProcess;
  /** Settles when the child has exited (never rejects: a spawn error is an exit with code 127). */
  exited: Promise<Exit>;
}

const live = new Set<Child>();

/** Signals the child's whole process group; a group already gone is not an error. */
export function signalGroup(child: Child, signal: NodeJS.Signals): void {
  const pid = child.process.pid;
  if (pid === undefined) return;
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

export function start(command: string, args: string[], options: SpawnOptions = {}): Child {
  const child = spawn(command, args, { ...options, detached: process.platform !== 'win32' });
  const exited = new Promise<Exit>((resolve) => {
    child.once('error', () => resolve({ code: 127, signal: null }));
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const tracked: Child = { process: child, exited };
  live.add(tracked);
  void exited.then(() => live.delete(tracked));
  return tracked;
}

/** Whether a process of the group still runs: on Linux zombies do not count (an init that does not reap would keep them forever). */
function groupAlive(pgid: number): boolean {
  if (!existsSync('/proc/self/stat')) {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  }
  return readdirSync('/proc').some((name) => {
    if (!/^\d+$/.test(name)) return false;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(group) === pgid && state !== 'Z';
    } catch {
      return false; // exited meanwhile
    }
  });
}

/** Waits until the child and every process of its group have exited. */
export async function finished(child: Child): Promise<Exit> {
  const exit = await child.exited;
  const pgid = child.process.pid;
  if (pgid !== undefined && process.platform !== 'win32') while (groupAlive(pgid)) await new Promise((r) => setTimeout(r, 50));
  return exit;
}

/** Stops a child's whole group and waits for it to be gone. */
export function stop(child: Child, signal: NodeJS.Signals = 'SIGTERM'): Promise<Exit> {
  signalGroup(child, signal);
  return finished(child);
}

/** The exit code of a process stopped by `signal` (130 for SIGINT, 143 for SIGTERM). */
export function signalExitCode(signal: StopSignal): number {
  return 128 + constants.signals[signal];
}

/**
 * On SIGINT/SIGTERM/SIGHUP: forward the signal to every live child group, then tell `onSignal`,
 * which makes the caller stop at its next step and clean up (the process does not exit by itself).
 * Losing its parent counts as SIGHUP: `npm run` starts a script through a shell that dies of
 * npm's SIGTERM without passing it on, which left the build running as an orphan.
 */
export function forwardSignals(onSignal: (signal: StopSignal) => void): void {
  const stopAll = (signal: StopSignal) => {
    for (const child of live) signalGroup(child, signal);
    onSignal(signal);
  };
  for (const signal of SIGNALS) process.on(signal, () => stopAll(signal));
  const parent = process.ppid;
  const orphaned = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(orphaned);
    stopAll('SIGHUP');
  }, 200);
  orphaned.unref();
}
