/** The output folder's lock, staging folder and swap (src/build/out-dir.ts). */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildLocked, claimOutDir } from '../../src/build/out-dir.ts';

function site(html = 'previous site') {
  const parent = mkdtempSync(path.join(tmpdir(), 'cep-out-'));
  const outDir = path.join(parent, 'dist');
  mkdirSync(outDir);
  writeFileSync(path.join(outDir, 'index.html'), html);
  return { parent, outDir };
}

/** The pid of a process that has exited. */
function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  return new Promise((resolve) => child.on('exit', () => resolve(child.pid!)));
}

describe('claimOutDir', () => {
  it('builds beside the output folder, in a folder of its own, and swaps them', () => {
    const { parent, outDir } = site();
    const notes: string[] = [];
    const out = claimOutDir(outDir, (n) => notes.push(n));
    expect(path.dirname(out.staging)).toBe(parent);
    expect(path.basename(out.staging)).toMatch(/^dist\.staging-\w{6}$/);
    expect(readFileSync(`${outDir}.lock`, 'utf8')).toBe(`${process.pid}\n`);
    writeFileSync(path.join(out.staging, 'index.html'), 'new site');
    out.publish();
    out.release();
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('new site');
    expect(readdirSync(parent)).toEqual(['dist']);
    expect(notes).toEqual([]);
  });

  it('refuses a second build while the first one runs, saying which process builds', () => {
    const { outDir } = site();
    const first = claimOutDir(outDir);
    expect(() => claimOutDir(outDir)).toThrow(BuildLocked);
    expect(() => claimOutDir(outDir)).toThrow(
      `${outDir}.lock:1:1: une autre construction (processus ${process.pid}) écrit déjà dans ${outDir} ; attendez qu'elle se termine ou arrêtez-la (kill ${process.pid}), puis relancez.`,
    );
    first.release();
    expect(existsSync(`${outDir}.lock`)).toBe(false);
    claimOutDir(outDir).release();
  });

  it('takes over the lock of a build that died, with a note', async () => {
    const { outDir } = site();
    const pid = await deadPid();
    writeFileSync(`${outDir}.lock`, `${pid}\n`);
    const notes: string[] = [];
    const out = claimOutDir(outDir, (n) => notes.push(n));
    expect(notes).toEqual([`note : verrou ${outDir}.lock laissé par le processus ${pid}, qui n'existe plus ; il est repris.`]);
    expect(readFileSync(`${outDir}.lock`, 'utf8')).toBe(`${process.pid}\n`);
    out.release();
  });

  it('puts back a site left aside by a build killed between its two renames, and removes leftovers', () => {
    const { parent, outDir } = site('site kept aside');
    renameSync(outDir, `${outDir}.old-4242`);
    mkdirSync(`${outDir}.staging-dead01`);
    const notes: string[] = [];
    const out = claimOutDir(outDir, (n) => notes.push(n));
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('site kept aside');
    expect(notes).toEqual([`note : ${outDir} restauré depuis ${outDir}.old-4242, laissé par une construction interrompue.`]);
    expect(readdirSync(parent).sort()).toEqual(['dist', 'dist.lock', path.basename(out.staging)].sort());
    out.release();
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('leaves the output folder untouched when the build is given up', () => {
    const { parent, outDir } = site();
    const out = claimOutDir(outDir);
    writeFileSync(path.join(out.staging, 'index.html'), 'half a site');
    out.release();
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('previous site');
    expect(readdirSync(parent)).toEqual(['dist']);
  });
});
