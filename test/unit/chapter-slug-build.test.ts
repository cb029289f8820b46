/**
 * A chapter's identity is its path. `npm run validate` refuses a front-matter `slug` (the corpus,
 * cases-chapters.json); this is the second lock: the content schema is strict, so that even
 * `astro build` run by hand, without validate, refuses a later edition's chapter that claims the
 * address of a released one, instead of replacing that page with a mere warning.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE, fixtureRoots } from '../helpers/fixtures.ts';

const roots = fixtureRoots();
const outDir = mkdtempSync(path.join(tmpdir(), 'cep-dist-'));
afterAll(() => {
  for (const dir of [...Object.values(roots), outDir]) rmSync(dir, { recursive: true, force: true });
});

describe('a front-matter slug never reaches the site', () => {
  it('astro build refuses it (strict content schema) and writes no page', () => {
    const later = path.join(roots.content, 'reports', FIXTURE.id, 'v2', '01-recours-au-cep.mdx');
    writeFileSync(later, readFileSync(later, 'utf8').replace('\ntitle:', `\nslug: ${FIXTURE.id}/v1/01-recours-au-cep\ntitle:`));
    const run = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
      env: { ...process.env, CEP_DATA_DIR: roots.data, CEP_CONTENT_DIR: roots.content, ASTRO_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
    });
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toContain('Unrecognized key: "slug"');
    expect(run.stdout + run.stderr).toContain(`${FIXTURE.id}/v2/01-recours-au-cep.mdx`);
    expect(existsSync(path.join(outDir, FIXTURE.slug))).toBe(false);
  });
});
