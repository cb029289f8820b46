import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/data/catalog.ts';
import { copyOfData } from '../helpers/data-copy.ts';

function validate(env: Record<string, string> = {}, args: string[] = []) {
  return spawnSync('npx', ['tsx', 'scripts/validate.ts', ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
}

describe('npm run validate', () => {
  it('exits 0 on the shipped data and prints each known discrepancy as one warning line', () => {
    const result = validate();
    expect(result.status).toBe(0);
    const warnings = result.stderr.split('\n').filter((l) => / avertissement : règle « /.test(l));
    // Every edition is checked, so each edition's known discrepancies are printed.
    const findings = loadCatalog().editions.flatMap((r) => r.discrepancies.flatMap((d) => d.findings));
    expect(warnings).toHaveLength(findings.length);
    expect(warnings.some((l) => l.startsWith('data/reports/normandie/2023/v1/resignation_files.csv:2:3: avertissement : règle « resignation-files-2020-tables »'))).toBe(true);
    expect(result.stdout).toMatch(/^Données valides .*: 2 rapport\(s\), \d+ jeu\(x\) de données, \d+ référentiel\(s\), \d+ avertissement\(s\)\.$/m);
  });

  it('with --released, refuses an edition in preparation (the public deployment), which it accepts otherwise', () => {
    const data = copyOfData();
    // An edition opened and not released: Occitanie 2020 v2, as npm run new-version writes it.
    data.copyDir('reports/occitanie/2020/v1', 'reports/occitanie/2020/v2');
    data.editJson('reports/occitanie/2020/v2/report.json', (r) => {
      r.edition = { number: 2, changes: 'Essai' };
    });
    expect(validate({ CEP_DATA_DIR: data.dir }).status).toBe(0);
    const result = validate({ CEP_DATA_DIR: data.dir }, ['--released']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      "reports/occitanie/2020/v2/report.json:1:1: l'édition v2 de occitanie/2020 est en préparation : le site public ne montre que des éditions publiées et figées ; publiez-la (npm run release -- occitanie 2020) ou gardez-la sur une branche",
    );
    expect(validate({}, ['--released']).status).toBe(0);
  });

  it('exits 1 and says nothing will be published when the data has an error', () => {
    const data = copyOfData();
    data.edit('reports/occitanie/2020/v1/cep_entries.csv', (t) => t.replace('76,2020,apec,5900', '76,2020,apec,5 900'));
    const result = validate({ CEP_DATA_DIR: data.dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('cep_entries.csv:2:4: valeur « 5 900 » invalide pour « entries »');
    expect(result.stderr).toContain("1 erreur(s) : rien ne sera publié tant qu'elles ne sont pas corrigées.");
  });
});
