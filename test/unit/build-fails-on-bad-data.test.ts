import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOfData, shown } from '../helpers/data-copy.ts';
import { FIXTURE } from '../helpers/fixtures.ts';

// The real build, on a copy of the fixture data where one count is typed « 4 000 ».
function brokenData() {
  const data = copyOfData();
  const file = data.edit(`reports/${FIXTURE.id}/v1/cep_entries.csv`, (t) => t.replace(`${FIXTURE.code},2023,missions-locales,4000,`, `${FIXTURE.code},2023,missions-locales,4 000,`));
  const expected = `${shown(file)}:11:4: valeur « 4 000 » invalide pour « entries » : attendu un entier écrit avec des chiffres seuls (ex. 12479), sans espace ni séparateur de milliers`;
  return { env: data.env, expected };
}

function run(args: string[], roots: { CEP_DATA_DIR: string; CEP_CONTENT_DIR: string }) {
  return spawnSync('npx', args, {
    env: { ...process.env, ...roots, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
}

describe('building on invalid data', () => {
  it('astro build itself fails with the located message', () => {
    const { env, expected } = brokenData();
    const result = run(['astro', 'build', '--outDir', mkdtempSync(path.join(tmpdir(), 'cep-dist-'))], env);
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain(expected);
  });

  it('npm run build fails and leaves the previous site untouched', () => {
    const { env, expected } = brokenData();
    const outDir = mkdtempSync(path.join(tmpdir(), 'cep-dist-'));
    writeFileSync(path.join(outDir, 'index.html'), 'previous site');
    const result = run(['tsx', 'scripts/build.ts', outDir], env);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(expected);
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('previous site');
  });
});
