/**
 * A report made for the indicator tests through the editors' own scaffold (new-report), in a
 * temporary data folder beside copies of the reference lists and the indicator catalogue. Its
 * figures are OBVIOUSLY FAKE round numbers, chosen so that every expected value is easy to
 * check by hand; it is never published.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspectData, type Catalog, type Report } from '../../src/data/catalog.ts';
import { scaffoldReport } from '../../src/editor/scaffold.ts';

export const FIXTURE = { slug: 'bretagne', code: '53', year: 2024 } as const;

type Rows = Record<string, string | number | null>[];

/** Fake figures by dataset of the scaffold (territory 53). */
export const FIXTURE_ROWS: Record<string, Rows> = {
  cep_entries: [
    { territory: '53', year: 2024, operator: 'france-travail', entries: 600, share_published: 60 },
    { territory: '53', year: 2024, operator: 'apec', entries: 100, share_published: 10 },
    { territory: '53', year: 2024, operator: 'cap-emploi', entries: 50, share_published: 5 },
    { territory: '53', year: 2024, operator: 'missions-locales', entries: 150, share_published: 15 },
    { territory: '53', year: 2024, operator: 'operateur-regional', entries: 100, share_published: 10 },
    { territory: '53', year: 2024, operator: 'ensemble', entries: 1000, share_published: 100 },
    { territory: 'FRM', year: 2024, operator: 'france-travail', entries: 16000 },
    { territory: 'FRM', year: 2024, operator: 'apec', entries: 4000 },
  ],
  reference_population: [{ territory: '53', year: 2021, population: 'employed-actives', value: 10000, source: 'Valeur de test' }],
  ptp_files: [
    { territory: '53', year: 2023, files: 200, files_funded: 150, files_with_cep: 100 },
    { territory: '53', year: 2024, files: 250, files_funded: 200, files_with_cep: 150, funded_rate_published: 80, cep_rate_published: 60 },
  ],
  resignation_files: [
    { territory: '53', year: 2023, files_total: 100, files_accepted: 90, files_refused: 10 },
    { territory: '53', year: 2024, files_total: 120, files_accepted: 96, files_refused: 24, acceptance_rate_published: 80, creation_count: 48, training_count: 48 },
  ],
  cep_entries_profile: [
    { territory: '53', year: 2024, population: 'cep-entries', operator: 'ensemble', dimension: 'sex', category: 'F', count: 600, share: 60 },
    { territory: '53', year: 2024, population: 'cep-entries', operator: 'ensemble', dimension: 'sex', category: 'H', count: 400, share: 40 },
  ],
};

export interface Fixture {
  root: string;
  content: string;
  dir: string;
  /** Rewrites a dataset of the fixture's edition from rows (by its CSV header). */
  fill(dataset: string, rows: Rows): void;
  load(): { catalog?: Catalog; report?: Report; issues: ReturnType<typeof inspectData>['issues'] };
}

export function indicatorFixture(rows: Record<string, Rows> = FIXTURE_ROWS): Fixture {
  const sandbox = mkdtempSync(path.join(tmpdir(), 'cep-indicators-'));
  const root = path.join(sandbox, 'data');
  const content = path.join(sandbox, 'content');
  for (const folder of ['reference', 'indicators']) cpSync(path.resolve('data', folder), path.join(root, folder), { recursive: true });
  scaffoldReport(FIXTURE.slug, String(FIXTURE.year), { data: root, content });
  const dir = path.join(root, 'reports', FIXTURE.slug, String(FIXTURE.year), 'v1');
  const fill = (dataset: string, data: Rows) => {
    const file = path.join(dir, `${dataset}.csv`);
    const header = readFileSync(file, 'utf8').split('\n')[0]!;
    const fields = header.split(',');
    writeFileSync(file, `${header}\n${data.map((r) => fields.map((f) => (r[f] === null || r[f] === undefined ? '' : String(r[f]))).join(',')).join('\n')}\n`);
  };
  for (const [dataset, data] of Object.entries(rows)) fill(dataset, data);
  return {
    root,
    content,
    dir,
    fill,
    load() {
      const { catalog, issues } = inspectData(root, content);
      return { catalog, issues, report: catalog?.editions.find((r) => r.id === `${FIXTURE.slug}/${FIXTURE.year}`) };
    },
  };
}
