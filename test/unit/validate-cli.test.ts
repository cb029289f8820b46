import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/data/catalog.ts';
import { copyOfData, shown } from '../helpers/data-copy.ts';
import { FIXTURE, SECOND } from '../helpers/fixtures.ts';

function validate(env: Record<string, string> = {}, args: string[] = []) {
  return spawnSync('npx', ['tsx', 'scripts/validate.ts', ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
}

const warningLines = (stderr: string) => stderr.split('\n').filter((l) => / avertissement : règle « /.test(l));
const SUMMARY = (reports: number) => new RegExp(`^Données valides .*: ${reports} rapport\\(s\\), \\d+ jeu\\(x\\) de données, \\d+ référentiel\\(s\\), \\d+ avertissement\\(s\\)\\.$`, 'm');

describe('npm run validate', () => {
  it('exits 0 on the shipped data, whatever reports it holds, with one warning line per known discrepancy', () => {
    const result = validate();
    expect(result.status, result.stderr).toBe(0);
    // Every edition is checked, so each edition's known discrepancies are printed.
    const catalog = loadCatalog();
    const findings = catalog.editions.flatMap((r) => r.discrepancies.flatMap((d) => d.findings));
    expect(warningLines(result.stderr)).toHaveLength(findings.length);
    expect(result.stdout).toMatch(SUMMARY(catalog.reports.length));
  });

  it('prints a known discrepancy as one located warning line, and counts the reports (--released: every edition is)', () => {
    const data = copyOfData();
    const result = validate(data.env, ['--released']);
    expect(result.status, result.stderr).toBe(0);
    // The fixture's one known discrepancy, in its first edition (the second corrects it).
    expect(warningLines(result.stderr)).toEqual([
      `${shown(data.dir)}/reports/${FIXTURE.id}/v1/ptp_files.csv:2:6: avertissement : règle « ptp-funded-rate-2023 » (Taux de financement des PTP publié = dossiers financés / dossiers présentés) : 75 publié, 700 / 1000 × 100 = 70, soit 70 arrondi — écart connu : Le rapport fictif imprime 75 % ; 700 / 1 000 = 70 %.`,
    ]);
    expect(result.stdout).toMatch(SUMMARY(2));
  });

  it('with --released, refuses an edition in preparation (the public deployment), which it accepts otherwise', () => {
    const data = copyOfData();
    // An edition opened and not released: v2 of the one-edition report, as npm run new-version writes it.
    data.copyDir(`reports/${SECOND.id}/v1`, `reports/${SECOND.id}/v2`);
    data.editJson(`reports/${SECOND.id}/v2/report.json`, (r) => {
      r.edition = { number: 2, changes: 'Essai' };
    });
    expect(validate(data.env).status).toBe(0);
    const result = validate(data.env, ['--released']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `reports/${SECOND.id}/v2/report.json:1:1: l'édition v2 de ${SECOND.id} est en préparation : le site public ne montre que des éditions publiées et figées ; publiez-la (npm run release -- ${SECOND.slug} ${SECOND.year}) ou gardez-la sur une branche`,
    );
  });

  it('exits 1 and says nothing will be published when the data has an error', () => {
    const data = copyOfData();
    data.edit(`reports/${FIXTURE.id}/v1/cep_entries.csv`, (t) => t.replace(`${FIXTURE.code},2023,apec,1000,`, `${FIXTURE.code},2023,apec,1 000,`));
    const result = validate(data.env);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('cep_entries.csv:8:4: valeur « 1 000 » invalide pour « entries »');
    expect(result.stderr).toContain("1 erreur(s) : rien ne sera publié tant qu'elles ne sont pas corrigées.");
  });
});
