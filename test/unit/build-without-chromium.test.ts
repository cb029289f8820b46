/**
 * `npm start` on a machine without Chromium: the real build on the fixture roots, with
 * CHROMIUM_PATH naming a missing file, builds the site without PDFs, says so in one line, and
 * its pages do not link to a PDF that does not exist. The site to publish (CI=true or
 * --require-pdf) is refused instead, before anything is built.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE, fixtureRoots } from '../helpers/fixtures.ts';

const MISSING = '/nonexistent/chromium-for-test';

function build(args: string[], extra: Record<string, string> = {}) {
  const { data, content } = fixtureRoots();
  const outDir = path.join(mkdtempSync(path.join(tmpdir(), 'cep-nopdf-')), 'dist');
  const { CI: _ci, ...env } = process.env;
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', outDir, ...args], {
    env: { ...env, CEP_DATA_DIR: data, CEP_CONTENT_DIR: content, CHROMIUM_PATH: MISSING, ...extra },
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, outDir };
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' });
}

describe('a build without Chromium', () => {
  it('builds the site without PDFs, says so in one French line, and links to no PDF', () => {
    const { status, stdout, stderr, outDir } = build([]);
    expect(status, stderr).toBe(0);
    expect(stdout).toContain(`Site construit dans ${outDir}`);
    const lines = stderr.split('\n').filter((l) => l.includes('PDF'));
    expect(lines).toEqual([
      `Les PDF n'ont pas été imprimés. Chromium introuvable : CHROMIUM_PATH vaut « ${MISSING} », qui n'existe pas ; corrigez ce chemin, puis relancez npm start pour les obtenir.`,
    ]);
    const built = files(outDir);
    expect(built.filter((f) => f.endsWith('.pdf'))).toEqual([]);
    const home = readFileSync(path.join(outDir, FIXTURE.id, 'index.html'), 'utf8');
    // The typography pass turns the apostrophe into a typographic one.
    expect(home).toContain('Le rapport en PDF n’est pas disponible dans cette construction locale (Chromium absent).');
    const linking = built.filter((f) => f.endsWith('.html') && readFileSync(path.join(outDir, f), 'utf8').includes('rapport.pdf'));
    expect(linking).toEqual([]);
    rmSync(path.dirname(outDir), { recursive: true, force: true });
  });

  it.each([
    ['--require-pdf', [['--require-pdf'], {}]],
    ['CI=true', [[], { CI: 'true' }]],
  ] as const)('refuses the site to publish (%s) before building anything', (_, [args, extra]) => {
    const { status, stderr, outDir } = build([...args], { ...extra });
    expect(status).toBe(1);
    expect(stderr).toContain(
      `Chromium introuvable : CHROMIUM_PATH vaut « ${MISSING} », qui n'existe pas ; corrigez ce chemin ; le site à publier (CI=true ou --require-pdf) doit avoir ses PDF : ${outDir} n'a pas été modifié.`,
    );
    expect(existsSync(outDir)).toBe(false);
    expect(readdirSync(path.dirname(outDir))).toEqual([]);
  });
});
