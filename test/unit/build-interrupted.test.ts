/**
 * An interrupted build stops everything it started and publishes nothing: the real build on the
 * fixture roots, stopped by SIGTERM (as `kill` or a CI runner sends it) at one of its steps, sent
 * to npm or to the script's own process. Linux only: the process tree is read in /proc.
 * Each wait is for a condition (a process of the step, an exit); the one bound is reached only by
 * a process left running, which fails the test.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureRoots } from '../helpers/fixtures.ts';

interface Proc {
  pid: number;
  ppid: number;
  command: string;
}

function processes(): Proc[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const command = readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
        return [{ pid: Number(name), ppid: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]), command }];
      } catch {
        return []; // exited meanwhile
      }
    });
}

function descendants(root: number): Proc[] {
  const all = processes();
  const found: Proc[] = [];
  const parents = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all)
      if (parents.has(p.ppid) && !parents.has(p.pid)) {
        parents.add(p.pid);
        found.push(p);
        grew = true;
      }
  }
  return found;
}

/** Still running: not exited, not a zombie, and its pid not reused by another command (pids wrap on a busy machine). */
const alive = ({ pid, command }: Proc) => {
  try {
    const same = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim() === command;
    return same && !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
};
/** How long a process of the build may take to finish exiting once its pipes are closed, before it counts as left running. */
const LEFT_RUNNING_AFTER_MS = 60_000;

const STEPS = {
  validate: /scripts\/validate\.ts/,
  'astro build': /astro(\.mjs)? build --outDir/,
  PDF: /chrom(e|ium).*--headless/,
};
const TARGETS = {
  npm: (_: Proc[], root: number) => root,
  // `node --import tsx scripts/build.ts`: one process, not tsx's CLI, which kills its child with
  // SIGKILL when the child has not acknowledged a relayed signal within 30 ms.
  'the script': (tree: Proc[]) => tree.find((p) => /--import tsx scripts\/build\.ts/.test(p.command))!.pid,
};

async function interrupt(step: keyof typeof STEPS, target: keyof typeof TARGETS) {
  const { data, content } = fixtureRoots();
  const parent = mkdtempSync(path.join(tmpdir(), 'cep-interrupted-'));
  const outDir = path.join(parent, 'dist');
  mkdirSync(outDir);
  writeFileSync(path.join(outDir, 'index.html'), 'previous site');
  const { CI: _ci, ...env } = process.env;
  const build = spawn('npm', ['run', 'build', '--', outDir], { env: { ...env, CEP_DATA_DIR: data, CEP_CONTENT_DIR: content }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  build.stdout.on('data', (c) => (output += c));
  build.stderr.on('data', (c) => (output += c));
  const exited = new Promise<number | null>((resolve) => build.on('exit', (code) => resolve(code)));
  // npm may exit before its script: the script and its steps are done when no one holds the pipes.
  const closed = Promise.all([build.stdout, build.stderr].map((s) => new Promise((resolve) => s.on('close', resolve))));
  let tree: Proc[] = [];
  while (!(tree = descendants(build.pid!)).some((p) => STEPS[step].test(p.command))) {
    if (build.exitCode !== null) throw new Error(`the build ended before its ${step} step:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  process.kill(TARGETS[target](tree, build.pid!), 'SIGTERM');
  const code = await exited;
  await closed;
  return { code, output, tree, parent, outDir };
}

describe.runIf(process.platform === 'linux')('an interrupted build', () => {
  it.each([
    ['validate', 'npm'],
    ['astro build', 'the script'],
    ['PDF', 'npm'],
  ] as const)('stopped at its %s step through %s: no process left, site untouched, a French line', async (step, target) => {
    const { code, output, tree, parent, outDir } = await interrupt(step, target);
    expect(code).not.toBe(0);
    expect(output).toContain(`Construction interrompue : ${outDir} n'a pas été modifié.`);
    // A process may have closed its pipes and not yet finished exiting: wait for it. The bound is reached only by a process left running.
    for (const giveUp = Date.now() + LEFT_RUNNING_AFTER_MS; tree.some((p) => alive(p)) && Date.now() < giveUp; ) await new Promise((r) => setTimeout(r, 50));
    expect(tree.filter((p) => alive(p))).toEqual([]);
    expect(readdirSync(parent)).toEqual(['dist']);
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('previous site');
    rmSync(parent, { recursive: true, force: true });
  });
});
