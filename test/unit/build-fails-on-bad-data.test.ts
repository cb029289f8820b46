import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOfData, shown } from '../helpers/data-copy.ts';

// The real build, on a copy of the data where one count is typed « 12 479 ».
function brokenData() {
  const data = copyOfData();
  const file = data.edit('reports/normandie/2023/v1/cep_entries.csv', (t) => t.replace('28,2023,missions-locales,12479,', '28,2023,missions-locales,12 479,'));
  const expected = `${shown(file)}:11:4: valeur « 12 479 » invalide pour « entries » : attendu un entier écrit avec des chiffres seuls (ex. 12479), sans espace ni séparateur de milliers`;
  return { dir: data.dir, expected };
}

function run(args: string[], dataDir: string) {
  return spawnSync('npx', args, {
    env: { ...process.env, CEP_DATA_DIR: dataDir, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('building on invalid data', () => {
  it('astro build itself fails with the located message', () => {
    const { dir, expected } = brokenData();
    const result = run(['astro', 'build', '--outDir', mkdtempSync(path.join(tmpdir(), 'cep-dist-'))], dir);
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain(expected);
  }, 120_000);

  it('npm run build fails and leaves the previous site untouched', () => {
    const { dir, expected } = brokenData();
    const outDir = mkdtempSync(path.join(tmpdir(), 'cep-dist-'));
    writeFileSync(path.join(outDir, 'index.html'), 'previous site');
    const result = run(['tsx', 'scripts/build.ts', outDir], dir);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(expected);
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('previous site');
  }, 120_000);
});
