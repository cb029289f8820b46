/**
 * The fixture reports (test/fixtures/reports/): two FICTIONAL reports with obviously fake round
 * figures, so that the tests of the machinery never depend on the shipped reports, which change
 * (a new edition, a new report) without the machinery changing.
 *
 * - `hauts-de-france/2023`: two released editions (v1, and v2, an erratum of one published rate);
 *   a dataset of each standard kind, a `free` one, its own categories, consistency rules, one of
 *   them with a `knownDiscrepancy` in v1; chapters using the components.
 * - `corse/2020`: one released edition, two datasets, two chapters.
 *
 * `fixtureRoots()` assembles them into throw-away roots the loaders accept: a data root (a copy of
 * the real data/reference/ and data/indicators/, plus a holder of the fixture region's regional operator, plus the
 * fixture reports) and a content root (the real glossary, key points and accessibility declaration plus the fixture chapters).
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const FIXTURES_DIR = path.resolve('test/fixtures/reports');

/** The report with two editions. cep_entries.csv: FRM on lines 2–7, the region on 8–13 (apec 8, cap-emploi 9, operateur-regional 10, missions-locales 11, france-travail 12, ensemble 13). */
export const FIXTURE = { id: 'hauts-de-france/2023', slug: 'hauts-de-france', year: 2023, code: '32', label: 'Hauts-de-France', inLabel: 'dans les Hauts-de-France' } as const;
/** The report with one edition. */
export const SECOND = { id: 'corse/2020', slug: 'corse', year: 2020, code: '94', label: 'Corse', inLabel: 'en Corse' } as const;

/** The fictional holder of the fixture region's regional operator, appended to regional_operators.csv. */
export const REGIONAL_HOLDER = 'Conseil régional fictif';

export interface Roots {
  data: string;
  content: string;
}

/** Fresh copies of the fixture data and content roots, in temporary folders. */
export function fixtureRoots(): Roots {
  const data = mkdtempSync(path.join(tmpdir(), 'cep-data-'));
  const content = mkdtempSync(path.join(tmpdir(), 'cep-content-'));
  for (const folder of ['reference', 'indicators']) cpSync(path.resolve('data', folder), path.join(data, folder), { recursive: true });
  appendFileSync(path.join(data, 'reference/regional_operators.csv'), `${FIXTURE.code},${REGIONAL_HOLDER},2020-01-01,2023-12-31,Fixture de test (aucune source réelle),\n`);
  cpSync(path.join(FIXTURES_DIR, 'data/reports'), path.join(data, 'reports'), { recursive: true });
  for (const file of ['glossaire.json', 'essentiel.json', 'accessibilite.json']) cpSync(path.resolve('content', file), path.join(content, file));
  cpSync(path.join(FIXTURES_DIR, 'content/reports'), path.join(content, 'reports'), { recursive: true });
  return { data, content };
}

/** Removes the copies fixtureRoots() made. */
export function removeFixtureRoots(roots: Roots): void {
  for (const dir of [roots.data, roots.content]) rmSync(dir, { recursive: true, force: true });
}

/** Edits a file of the copies; a replacement that changes nothing is a mistake of the test. */
export function replaceIn(file: string, from: string | RegExp, to: string): void {
  const before = readFileSync(file, 'utf8');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`test: nothing replaced in ${file}`);
  writeFileSync(file, after);
}
