/**
 * The output folder of a build, replaced only whole. A build takes `<out>.lock` (its pid,
 * created exclusively), builds into its own `<out>.staging-XXXXXX` beside `<out>` (same file
 * system, so renames are atomic), then swaps: `<out>` renamed to `<out>.old-<pid>`, the staging
 * folder renamed to `<out>`, the old one removed. A build killed between the two renames leaves
 * `<out>.old-<pid>`: the next build puts it back before anything else.
 */
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

export class BuildLocked extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface OutDir {
  staging: string;
  /** Replaces the output folder with the staging one. */
  publish(): void;
  /** Removes the staging folder and releases the lock. */
  release(): void;
}

function takeLock(lock: string, outDir: string, note: (line: string) => void): void {
  for (;;) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let pid = NaN;
    try {
      pid = Number.parseInt(readFileSync(lock, 'utf8'), 10);
    } catch {
      continue; // released meanwhile
    }
    if (Number.isInteger(pid) && alive(pid))
      throw new BuildLocked(
        `${lock}:1:1: une autre construction (processus ${pid}) écrit déjà dans ${outDir} ; attendez qu'elle se termine ou arrêtez-la (kill ${pid}), puis relancez.`,
      );
    note(`note : verrou ${lock} laissé par le processus ${Number.isInteger(pid) ? pid : '?'}, qui n'existe plus ; il est repris.`);
    rmSync(lock, { force: true });
  }
}

/** Puts back an output folder left aside by a build killed mid-swap; removes other leftovers. */
function recover(outDir: string, note: (line: string) => void): void {
  const parent = path.dirname(outDir);
  const base = path.basename(outDir);
  for (const name of readdirSync(parent)) {
    const leftover = path.join(parent, name);
    if (name.startsWith(`${base}.old-`) && !existsSync(outDir)) {
      renameSync(leftover, outDir);
      note(`note : ${outDir} restauré depuis ${leftover}, laissé par une construction interrompue.`);
    } else if (name.startsWith(`${base}.old-`) || name.startsWith(`${base}.staging-`)) rmSync(leftover, { recursive: true, force: true });
  }
}

export function claimOutDir(outDir: string, note: (line: string) => void = console.warn): OutDir {
  const lock = `${outDir}.lock`;
  takeLock(lock, outDir, note);
  recover(outDir, note);
  const staging = mkdtempSync(`${outDir}.staging-`);
  return {
    staging,
    publish() {
      const old = `${outDir}.old-${process.pid}`;
      if (existsSync(outDir)) renameSync(outDir, old);
      renameSync(staging, outDir);
      rmSync(old, { recursive: true, force: true });
    },
    release() {
      rmSync(staging, { recursive: true, force: true });
      try {
        if (Number.parseInt(readFileSync(lock, 'utf8'), 10) === process.pid) unlinkSync(lock);
      } catch {
        // already gone
      }
    },
  };
}
