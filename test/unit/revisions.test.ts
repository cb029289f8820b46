/**
 * Revision notices on throw-away copies of the fixture reports (test/helpers/fixtures.ts): the
 * fixture's v2 changed one value, which its revisions.json explains; a new edition that changes a
 * value without a notice is refused by release and reported by validate, then released once its
 * notice is written. Values are obviously fake.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/data/issues.ts';
import { displayPath as shown } from '../../src/data/paths.ts';
import { errorsOf, newVersion, releaseEdition, validateAll, type Roots } from '../../src/editor/editions.ts';
import { REVISIONS_FILE } from '../../src/data/editions.ts';
import { inspectData } from '../../src/data/catalog.ts';
import { noticesAbout } from '../../src/editions/revisions-view.ts';
import type { FigureRef } from '../../src/editions/revisions-schema.ts';
import { chapterShowsFigure } from '../../src/editions/revisions-chapters.ts';
import { FIXTURE, fixtureRoots, removeFixtureRoots, replaceIn } from '../helpers/fixtures.ts';
import { refusal } from '../helpers/refusal.ts';

let roots: Roots;
const year = (...p: string[]) => path.join(roots.data, 'reports', FIXTURE.slug, String(FIXTURE.year), ...p);
const revisionsFile = () => year(REVISIONS_FILE);
const readNotices = () => JSON.parse(readFileSync(revisionsFile(), 'utf8'));
const writeNotices = (value: unknown) => writeFileSync(revisionsFile(), `${JSON.stringify(value, null, 2)}\n`);
const revisionIssues = () => validateAll(roots).issues.filter((i) => i.file.endsWith(REVISIONS_FILE)).map(formatIssue);
const ptpRow = { territory: '32', year: 2023 };


beforeAll(() => {
  roots = fixtureRoots();
});
afterAll(() => removeFixtureRoots(roots));

describe('revision notices', () => {
  it('the fixture v2 changed one value and its notice matches it', () => {
    expect(revisionIssues()).toEqual([]);
  });

  it('a notice whose old value is not the data’s is located at that value, with the right one', () => {
    const saved = readNotices();
    writeNotices({ notices: [{ ...saved.notices[0], before: 74 }] });
    const issues = revisionIssues();
    writeNotices(saved);
    expect(issues).toEqual([`${shown(revisionsFile())}:14:17: ancienne valeur « 74 » : les données de l'édition v1 disent « 75 » ; corrigez l'avis`]);
  });

  it('a notice of a value that did not change lists the values that did', () => {
    const saved = readNotices();
    writeNotices({ notices: [saved.notices[0], { ...saved.notices[0], figure: { dataset: 'ptp_files', row: ptpRow, field: 'files' } }] });
    const issues = revisionIssues();
    writeNotices(saved);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/revisions\.json:\d+:\d+: cet avis ne désigne aucune valeur modifiée par l'édition v2 : .* valeurs modifiées : ptp_files, ligne territory = 32, year = 2023, colonne funded_rate_published : 75 → 70$/);
  });

  it('a notice without reason or effect is refused unless recorded afterwards from a released edition', () => {
    const saved = readNotices();
    writeNotices({ notices: [{ ...saved.notices[0], effect: null }] });
    const refused = revisionIssues();
    writeNotices({ notices: [{ ...saved.notices[0], effect: null, recordedFrom: 'report.json de l’édition v2 [FIXTURE DE TEST]' }] });
    const recorded = revisionIssues();
    writeNotices(saved);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatch(/revisions\.json:17:17: effect vide : attendu un texte qui dit ce que le changement fait aux conclusions du rapport ; null n'est admis que dans un avis écrit après la publication de son édition, avec recordedFrom/);
    expect(recorded).toEqual([]);
  });

  it('a released edition whose changed value has no notice gets a warning located in its CSV', () => {
    const saved = readNotices();
    writeNotices({ notices: [] });
    const issues = validateAll(roots).issues.filter((i) => i.message.includes('sans avis de révision'));
    writeNotices(saved);
    expect(issues.map((i) => i.severity)).toEqual(['warning']);
    expect(formatIssue(issues[0]!)).toContain(`${shown(year('v2', 'ptp_files.csv'))}:2:6: avertissement : valeur modifiée par l'édition v2 sans avis de révision (ptp_files, ligne territory = 32, year = 2023, colonne funded_rate_published : 75 → 70)`);
  });

  it('release refuses a new edition with a changed value and no notice, naming the value and the file; validate reports it', () => {
    newVersion(FIXTURE.slug, String(FIXTURE.year), roots);
    replaceIn(year('v3', 'report.json'), 'À COMPLÉTER : ce que corrige ou ajoute cette édition', '[FIXTURE DE TEST] Révision fictive du taux CEP.');
    replaceIn(year('v3', 'reception_points.csv'), ',50,environ,', ',60,environ,');
    const refused = refusal(() => releaseEdition(FIXTURE.slug, String(FIXTURE.year), { date: '2026-02-01' }, roots));
    expect(refused.message).toBe(
      `l'édition v3 de ${FIXTURE.id} ne peut pas être publiée : 1 valeur(s) modifiée(s) depuis l'édition v2 n'ont pas d'avis de révision (à écrire dans ${shown(revisionsFile())})`,
    );
    expect(refused.details[0]).toContain(`${shown(year('v3', 'reception_points.csv'))}:4:6: valeur modifiée par l'édition v3 sans avis de révision (reception_points, ligne territory = 32, year = 2023, operator = cap-emploi, colonne other_points : 50 → 60) : avant de publier l'édition, écrivez son avis dans ${shown(revisionsFile())}`);

    const cli = spawnSync('npx', ['tsx', 'scripts/validate.ts'], { env: { ...process.env, CEP_DATA_DIR: roots.data, CEP_CONTENT_DIR: roots.content }, encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain('colonne other_points : 50 → 60) : avant de publier');
  });

  it('once the notice is written, the edition is released and its notice is found by figure', () => {
    const saved = readNotices();
    const figure = { dataset: 'reception_points', row: { ...ptpRow, operator: 'cap-emploi' }, field: 'other_points' };
    writeNotices({ notices: [...saved.notices, { edition: 3, type: 'revision', figure, before: 50, after: 60, reason: '[FIXTURE DE TEST] raison', effect: '[FIXTURE DE TEST] effet' }] });
    expect(errorsOf(validateAll(roots).issues).map(formatIssue)).toEqual([]);
    releaseEdition(FIXTURE.slug, String(FIXTURE.year), { date: '2026-02-01' }, roots);

    process.env.CEP_DATA_DIR = roots.data;
    try {
      const catalog = inspectData(roots.data, roots.content).catalog!;
      const edition = (n: number) => catalog.editions.find((e) => e.id === FIXTURE.id && e.edition.number === n)!;
      const ptp = { dataset: 'ptp_files', row: ptpRow, field: 'funded_rate_published' };
      const shown = (n: number, f: FigureRef) => noticesAbout(catalog, edition(n), [f]).map((v) => [v.notice.type, v.notice.before, v.notice.after, v.id]);
      expect(shown(3, { dataset: 'reception_points', row: { operator: 'cap-emploi', year: '2023', territory: '32' }, field: 'other_points' })).toEqual([['revision', 50, 60, 'avis-v3-1']]);
      expect(shown(3, ptp)).toEqual([]);
      expect(shown(2, ptp)).toEqual([['correction', 75, 70, 'avis-v2-1']]);
      expect(shown(2, figure)).toEqual([]);
    } finally {
      delete process.env.CEP_DATA_DIR;
    }
  });
});

describe('which chapters show a revised figure', () => {
  const figure = { dataset: 'ptp_files', row: { territory: '32', year: 2023 }, field: 'funded_rate_published' };
  it('a chart or table of the dataset, or a figure selecting the row (by all or part of its key)', () => {
    expect(chapterShowsFigure('Texte.\n\n<DataTable dataset="ptp_files" />\n', figure)).toBe(true);
    expect(chapterShowsFigure('<Chart chart="year-bars" dataset="ptp_files" field="files" />\n', figure)).toBe(true);
    expect(chapterShowsFigure('Un taux de <Data dataset="ptp_files" field="funded_rate_published" territory="32" year={2023} /> %.\n', figure)).toBe(true);
    expect(chapterShowsFigure('<Data dataset="ptp_files" field="files" territory="32" />\n', figure)).toBe(true);
  });
  it('not another row, another dataset, or a chapter without components', () => {
    expect(chapterShowsFigure('<Data dataset="ptp_files" field="files" territory="FRM" year={2023} />\n', figure)).toBe(false);
    expect(chapterShowsFigure('<DataTable dataset="cep_entries" />\n', figure)).toBe(false);
    expect(chapterShowsFigure('Le texte parle de ptp_files sans composant.\n', figure)).toBe(false);
    expect(chapterShowsFigure('<KeyFigure dataset="key_figures" id="x" />\n', { dataset: 'key_figures', row: { id: 'y' }, field: 'qualifier' })).toBe(false);
    expect(chapterShowsFigure('<KeyFigure dataset="key_figures" id="y" />\n', { dataset: 'key_figures', row: { id: 'y' }, field: 'qualifier' })).toBe(true);
  });
});
