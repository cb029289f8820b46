/**
 * The data diff: compare.ts on hand-made tables and on the real reports (DuckDB), the Markdown
 * rendering, and `npm run diff -- HEAD` end to end on a throw-away git repository whose working
 * tree makes a known change (test/fixtures/diff/expected.md is its exact output).
 *
 * The fixture repository holds the reference lists and the fictional fixture reports
 * (test/helpers/fixtures.ts): hauts-de-france/2023 v1 and v2, corse/2020 v1, all released. They
 * are not the shipped reports, so the expected Markdown stays valid while the project's data evolves.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findReport, inspectData, type Report, type Resource } from '../../src/data/catalog.ts';
import type { ResourceDescriptor } from '../../src/data/descriptors.ts';
import { sealEdition, writeLock, type Lock } from '../../src/data/editions.ts';
import {
  compareChapters,
  compareIndicators,
  compareParagraphs,
  compareResource,
  rowMatch,
  type CatalogDiff,
  type DatasetDiff,
  type Row,
} from '../../src/editions/compare.ts';
import { renderMarkdown } from '../../src/editions/markdown.ts';
import { scaffoldReport } from '../../src/editor/scaffold.ts';
import { resealEditions } from '../helpers/editions.ts';
import { runDiff } from '../../scripts/diff.ts';
import { FIXTURE, fixtureRoots, SECOND } from '../helpers/fixtures.ts';

const ROOT = process.cwd();
const NNBSP = '\u202f';

// -------------------------------------------------------------------------------------------
// Hand-made resources

function resource(fields: [string, 'string' | 'integer' | 'number'][], rows: Row[], primaryKey?: string[], title = 'Jeu de test'): Resource {
  const descriptor: ResourceDescriptor = {
    name: 'entries',
    title,
    path: 'entries.csv',
    schema: { fields: fields.map(([name, type]) => ({ name, type })), ...(primaryKey ? { primaryKey } : {}) },
  };
  return {
    descriptor,
    table: { file: 'entries.csv', rows, lines: rows.map((_, i) => i + 2), columnOf: (f) => fields.findIndex(([n]) => n === f) + 1 },
  };
}

const FIELDS: [string, 'string' | 'integer' | 'number'][] = [
  ['territory', 'string'],
  ['year', 'integer'],
  ['operator', 'string'],
  ['entries', 'integer'],
];
const row = (territory: string, operator: string, entries: number | null): Row => ({ territory, year: 2023, operator, entries });

describe('compareResource: rows matched by key, cells old → new', () => {
  const before = resource(FIELDS, [row('28', 'apec', 3447), row('28', 'cap-emploi', 4576), row('28', 'ensemble', 8023)], ['territory', 'year', 'operator']);

  it('reports a changed cell with its old and new value, and the rows added and removed', () => {
    const after = resource(FIELDS, [row('28', 'apec', 3500), row('28', 'ensemble', 8023), row('28', 'missions-locales', 12479)], ['territory', 'year', 'operator']);
    const diff = compareResource(before, after)!;
    expect(diff.status).toBe('modified');
    expect(diff.match).toEqual({ by: 'primaryKey', fields: ['territory', 'year', 'operator'] });
    expect(diff.rows.changed).toEqual([
      { key: { territory: '28', year: 2023, operator: 'apec' }, label: '28 · 2023 · apec', lineBefore: 2, lineAfter: 2, cells: [{ field: 'entries', before: 3447, after: 3500 }] },
    ]);
    expect(diff.rows.removed.map((r) => [r.label, r.line])).toEqual([['28 · 2023 · cap-emploi', 3]]);
    expect(diff.rows.added.map((r) => [r.label, r.line])).toEqual([['28 · 2023 · missions-locales', 4]]);
    expect(diff.rowCount).toEqual({ before: 3, after: 3 });
  });

  it('a cell emptied is a change to null; identical tables give no diff', () => {
    const after = resource(FIELDS, [row('28', 'apec', null), row('28', 'cap-emploi', 4576), row('28', 'ensemble', 8023)], ['territory', 'year', 'operator']);
    expect(compareResource(before, after)!.rows.changed[0]!.cells).toEqual([{ field: 'entries', before: 3447, after: null }]);
    const same = resource(FIELDS, before.table.rows.map((r) => ({ ...r })), ['territory', 'year', 'operator']);
    expect(compareResource(before, same)).toBeUndefined();
  });

  it('without a primary key, rows are matched by their non-numeric fields (year, an integer, is not one)', () => {
    const b = resource(FIELDS, [row('28', 'apec', 1), row('28', 'apec', 2)]);
    const a = resource(FIELDS, [row('28', 'apec', 1), row('28', 'apec', 5), row('28', 'apec', 7)]);
    expect(rowMatch(b.descriptor, a.descriptor)).toEqual({ by: 'nonNumericFields', fields: ['territory', 'operator'] });
    const diff = compareResource(b, a)!;
    // Same key twice: matched in file order, the third is added.
    expect(diff.rows.changed.map((r) => r.cells)).toEqual([[{ field: 'entries', before: 2, after: 5 }]]);
    expect(diff.rows.added.map((r) => r.row.entries)).toEqual([7]);
    expect(diff.rows.removed).toEqual([]);
  });

  it('lists schema changes and compares only the fields on both sides', () => {
    const a = resource(
      [...FIELDS.filter(([n]) => n !== 'entries'), ['entries', 'number'], ['share', 'number']],
      before.table.rows.map((r) => ({ ...r, share: 1 })),
      ['territory', 'year', 'operator'],
      'Nouveau titre',
    );
    const diff = compareResource(before, a)!;
    expect(diff.fields).toEqual({ added: ['share'], removed: [], retyped: [{ field: 'entries', before: 'integer', after: 'number' }] });
    expect(diff.properties).toEqual([{ property: 'title', before: 'Jeu de test', after: 'Nouveau titre' }]);
    expect(diff.rows.changed).toEqual([]);
  });

  it('a dataset on one side only is added or removed with all its rows', () => {
    expect(compareResource(undefined, before)).toMatchObject({ status: 'added', rowCount: { before: 0, after: 3 } });
    expect(compareResource(before, undefined)!.rows.removed).toHaveLength(3);
  });
});

describe('compareChapters: paragraphs', () => {
  const text = '---\ntitle: Le titre\n---\n\nPremier paragraphe,\nsur deux lignes.\n\nDeuxième.\n\nTroisième.\n';

  it('finds the changed, added and removed paragraphs with their lines', () => {
    const after = '---\ntitle: Le titre\n---\n\nPremier paragraphe,\nsur deux lignes modifiées.\n\nTroisième.\n\nQuatrième.\n';
    expect(compareParagraphs(text, after)).toEqual([
      { kind: 'changed', before: 'Premier paragraphe,\nsur deux lignes.', after: 'Premier paragraphe,\nsur deux lignes modifiées.', lineBefore: 5, lineAfter: 5 },
      { kind: 'removed', before: 'Deuxième.', lineBefore: 8 },
      { kind: 'added', after: 'Quatrième.', lineAfter: 10 },
    ]);
  });

  it('by file name: added, removed, modified; blank lines alone are no change', () => {
    const diff = compareChapters(
      [{ file: '01-a.mdx', text }, { file: '02-b.mdx', text }, { file: '03-c.mdx', text }],
      [{ file: '01-a.mdx', text: text.replace('Deuxième.', 'Deuxième !') }, { file: '02-b.mdx', text: text.replace('\n\n', '\n\n\n') }, { file: '04-d.mdx', text }],
    );
    expect(diff.map((c) => [c.file, c.status, c.title, c.paragraphs.length])).toEqual([
      ['01-a.mdx', 'modified', 'Le titre', 1],
      ['03-c.mdx', 'removed', 'Le titre', 0],
      ['04-d.mdx', 'added', 'Le titre', 0],
    ]);
  });
});

describe('compareIndicators on a report of the fixture catalog (DuckDB)', () => {
  it('moves the total and every share of the territory whose entries changed, and nothing else', async () => {
    const roots = fixtureRoots();
    const report = findReport(inspectData(roots.data, roots.content).catalog!, FIXTURE.id);
    const entries = report.resources.get('cep_entries')!;
    const apec = entries.table.rows.find((r) => r.territory === FIXTURE.code && r.operator === 'apec')!;
    const changed: Resource = { ...entries, table: { ...entries.table, rows: entries.table.rows.map((r) => (r === apec ? { ...r, entries: (r.entries as number) + 53 } : r)) } };
    const after: Report = { ...report, resources: new Map([...report.resources, ['cep_entries', changed]]) };

    const moves = await compareIndicators(report, after);
    const moved = moves.map((m) => [m.indicator, m.dimensions.territory, m.dimensions.operator ?? m.dimensions.population ?? null]);
    expect(moved).toEqual(
      expect.arrayContaining([
        ['cep-entries-total', FIXTURE.code, null],
        ['cep-entries', FIXTURE.code, 'apec'],
        ...['apec', 'cap-emploi', 'france-travail', 'missions-locales', 'operateur-regional'].map((op) => ['cep-entries-share', FIXTURE.code, op]),
        ['count-series', FIXTURE.code, 'cep-entries'],
      ]),
    );
    // Nothing moves outside the territory whose entries changed.
    expect(moved.filter((m) => m[1] !== FIXTURE.code)).toEqual([]);
    const total = moves.find((m) => m.indicator === 'cep-entries-total')!;
    expect(total.dimensions).toEqual({ territory: FIXTURE.code, year: report.year });
    expect((total.after as number) - (total.before as number)).toBe(53);
    const share = moves.find((m) => m.dimensions.operator === 'apec')!;
    expect(share.after as number).toBeGreaterThan(share.before as number);
    // Only the indicators of a changed dataset run.
    expect(await compareIndicators(report, after, { datasets: new Set(['no_such_dataset']) })).toEqual([]);
  });
});

describe('renderMarkdown', () => {
  const dataset = (n: number): DatasetDiff => ({
    name: 'cep_entries',
    status: 'modified',
    title: 'Entrées',
    path: 'cep_entries.csv',
    match: { by: 'primaryKey', fields: ['id'] },
    rowCount: { before: n, after: n },
    fields: { added: [], removed: [], retyped: [] },
    properties: [],
    rows: {
      added: [],
      removed: [],
      changed: Array.from({ length: n }, (_, i) => ({ key: { id: `r${i}` }, label: `r${i}`, lineBefore: i + 2, lineAfter: i + 2, cells: [{ field: 'entries', before: 12479 + i, after: 12480 + i }] })),
    },
  });
  const diff = (n: number): CatalogDiff => ({ comparable: true, invalid: [], reference: [dataset(n)], editions: [] });

  it('formats numbers the French way and caps long tables with « … et N autres »', () => {
    const md = renderMarkdown(diff(53), { before: '`main`', maxRows: 50 });
    expect(md.split('\n')[0]).toBe('**Données comparées à `main`** : 53 cellules modifiées.');
    expect(md).toContain(`| \`cep_entries\` | r0 (l. 2) | \`entries\` | 12${NNBSP}479 | 12${NNBSP}480 |`);
    expect(md).toContain('| `cep_entries` | r49 (l. 51) |');
    expect(md).not.toContain('| `cep_entries` | r50 ');
    expect(md.trimEnd().endsWith('… et 3 autres')).toBe(true);
  });

  it('says when nothing changed, and when a side does not validate', () => {
    expect(renderMarkdown({ comparable: true, invalid: [], reference: [], editions: [] }, { before: '`main`' })).toBe('Aucun changement de données par rapport à `main`.\n');
    const md = renderMarkdown(
      { comparable: false, invalid: [{ side: 'after', errors: [{ file: 'data/x.csv', line: 3, column: 4, severity: 'error', message: 'valeur invalide' }] }], reference: [], editions: [] },
      { before: '`main`' },
    );
    expect(md.split('\n')[0]).toBe("**Comparaison avec `main` impossible** : les données de l'arbre de travail ne sont pas valides (1 erreur).");
    expect(md).toContain('data/x.csv:3:4: valeur invalide');
  });
});

// -------------------------------------------------------------------------------------------
// npm run diff on a throw-away repository

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});


function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function edit(file: string, change: (text: string) => string): void {
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`fixture: no change made to ${file}`);
  writeFileSync(file, after);
}

function editJson(file: string, change: (value: any) => void): void {
  edit(file, (text) => {
    const value = JSON.parse(text);
    change(value);
    return `${JSON.stringify(value, null, 2)}\n`;
  });
}

/** Copies an edition (data and chapters) into a new edition folder of the same report, in preparation. */
function openEdition(repo: string, slug: string, year: string, from: number, to: number, changes: string): void {
  for (const top of ['data', 'content']) cpSync(path.join(repo, top, 'reports', slug, year, `v${from}`), path.join(repo, top, 'reports', slug, year, `v${to}`), { recursive: true });
  editJson(path.join(repo, 'data/reports', slug, year, `v${to}`, 'report.json'), (r) => {
    r.edition = { number: to, changes };
  });
}

const folders = (r: typeof FIXTURE | typeof SECOND) => ({ slug: r.slug, year: String(r.year) });
const A = folders(FIXTURE);
const B = folders(SECOND);

/** A git repository with the fixture reports (released editions), and corse/2020/v2 opened: committed. */
function fixtureRepo(): string {
  const repo = mkdtempSync(path.join(tmpdir(), 'cep-diff-repo-'));
  made.push(repo);
  const roots = fixtureRoots();
  cpSync(roots.data, path.join(repo, 'data'), { recursive: true });
  cpSync(path.join(roots.content, 'reports'), path.join(repo, 'content/reports'), { recursive: true });
  openEdition(repo, B.slug, B.year, 1, 2, 'Deuxième édition : relecture de la synthèse.');
  edit(path.join(repo, 'content/reports', B.slug, B.year, 'v2/01-synthese.mdx'), (t) => t.replace('ont commencé un CEP', 'ont engagé un CEP'));
  git(repo, 'init', '--quiet');
  git(repo, 'add', '-A');
  git(repo, 'commit', '--quiet', '-m', 'fixture');
  return repo;
}

/** The known change, in the working tree. */
function applyChange(repo: string): void {
  // The two-edition report: a third edition, in preparation, that corrects v2.
  openEdition(repo, A.slug, A.year, 2, 3, 'Troisième édition : écarts relevés par les réseaux, lieux d’accueil, heures d’accueil.');
  const v3 = path.join(repo, 'data/reports', A.slug, A.year, 'v3');
  // Two cells: the gaps reported by two networks (the indicator cep-entries-reported-gap moves).
  edit(path.join(v3, 'cep_entries.csv'), (t) => t.replace('FRM,2023,cap-emploi,100000,5.0,2000', 'FRM,2023,cap-emploi,100000,5.0,2100').replace('FRM,2023,operateur-regional,200000,10.0,10000', 'FRM,2023,operateur-regional,200000,10.0,10100'));
  // One row removed.
  edit(path.join(v3, 'reception_points.csv'), (t) => t.replace('32,2023,cap-emploi,5,Cap emploi,50,environ,permanences d’accueil,5 Cap emploi et environ 50 permanences d’accueil\n', ''));
  // One dataset added.
  writeFileSync(path.join(v3, 'reception_hours.csv'), 'territory,year,operator,hours\n32,2023,apec,30\n32,2023,cap-emploi,1000\n');
  editJson(path.join(v3, 'datapackage.json'), (p) => {
    p.resources.push({
      name: 'reception_hours',
      title: 'Heures d’ouverture hebdomadaires des lieux d’accueil',
      path: 'reception_hours.csv',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      sources: [{ title: 'Entretiens opérateurs CEP' }],
      cep: { kind: 'free', unit: 'heures par semaine', champ: 'Lieux d’accueil fictifs des opérateurs CEP' },
      schema: {
        fields: [
          { name: 'territory', type: 'string' },
          { name: 'year', type: 'integer' },
          { name: 'operator', type: 'string' },
          { name: 'hours', type: 'integer' },
        ],
        primaryKey: ['territory', 'year', 'operator'],
      },
    });
  });
  // One paragraph of a chapter.
  edit(path.join(repo, 'content/reports', A.slug, A.year, 'v3/01-recours-au-cep.mdx'), (t) => t.replace('Ce chapitre appartient à un rapport', 'Ce chapitre fait partie d’un rapport'));

  // The one-edition report's v2: released (dated, sealed in the lock).
  editJson(path.join(repo, 'data/reports', B.slug, B.year, 'v2/report.json'), (r) => {
    r.edition.date = '2026-12-01';
  });
  const yearDir = path.join(repo, 'data/reports', B.slug, B.year);
  const lock = JSON.parse(readFileSync(path.join(yearDir, 'editions.lock.json'), 'utf8')) as Lock;
  writeLock(yearDir, { ...lock, v2: sealEdition(path.join(yearDir, 'v2'), path.join(repo, 'content/reports', B.slug, B.year, 'v2')) });
}

/** runDiff in-process on a fixture repository, whatever CEP_DATA_DIR says. */
const at = (repo: string, ref: string) => ({ ref, cwd: repo, dataRoot: path.join(repo, 'data'), contentRoot: path.join(repo, 'content') });

describe('npm run diff -- <git-ref>', () => {
  it('prints exactly the expected Markdown for a known change (CLI, exit 0)', () => {
    const repo = fixtureRepo();
    applyChange(repo);
    const env = { ...process.env };
    delete env.CEP_DATA_DIR;
    delete env.CEP_CONTENT_DIR;
    const result = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'scripts/diff.ts'), 'HEAD'], { cwd: repo, env, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const expected = path.join(ROOT, 'test/fixtures/diff/expected.md');
    if (process.env.UPDATE_DIFF_FIXTURE) {
      // Rewrites the expected output for review, and fails so that a rewrite never passes.
      writeFileSync(expected, result.stdout);
      throw new Error('test/fixtures/diff/expected.md rewritten: review it (git diff), then run the test again without UPDATE_DIFF_FIXTURE');
    }
    expect(result.stdout).toBe(readFileSync(expected, 'utf8'));
  });

  it('says there is no data change when the working tree is the ref', async () => {
    const repo = fixtureRepo();
    expect(await runDiff(at(repo, 'HEAD'))).toEqual({ exitCode: 0, output: 'Aucun changement de données par rapport à `HEAD`.\n' });
  });

  it('reports a side that does not validate, located, instead of crashing', async () => {
    const repo = fixtureRepo();
    const file = `data/reports/${FIXTURE.id}/v2/cep_entries.csv`;
    edit(path.join(repo, file), (t) => t.replace(`${FIXTURE.code},2023,apec,1000,`, `${FIXTURE.code},2023,apec,beaucoup,`));
    const { exitCode, output } = await runDiff(at(repo, 'HEAD'));
    expect(exitCode).toBe(0);
    // A released edition changed: the warning comes first, then the summary.
    const lines = output.split('\n');
    expect(lines[0]).toMatch(/^> ⚠️ \*\*Édition publiée modifiée\*\*/);
    expect(lines.find((l) => !l.startsWith('>') && l !== '')).toBe("**Comparaison avec `HEAD` impossible** : les données de l'arbre de travail ne sont pas valides (2 erreurs).");
    expect(output).toContain(`${file}:8:4: `);
    expect(output).toContain(`${file}:1:1: `);
  });

  it('the ref of the before side may be the broken one', async () => {
    const repo = fixtureRepo();
    edit(path.join(repo, `data/reports/${SECOND.id}/v2/report.json`), (t) => t.replace('"number": 2', '"number": 5'));
    git(repo, 'commit', '--quiet', '-am', 'broken');
    git(repo, 'checkout', '--quiet', 'HEAD~1', '--', 'data');
    const { exitCode, output } = await runDiff(at(repo, 'HEAD'));
    expect(exitCode).toBe(0);
    expect(output.split('\n')[0]).toBe('**Comparaison avec `HEAD` impossible** : les données de `HEAD` ne sont pas valides (1 erreur).');
    expect(output).toMatch(new RegExp(`^data/reports/${SECOND.id}/v2/report\\.json:\\d+:\\d+: l'édition 5 ne correspond pas au dossier « v2 »`, 'm'));
  });

  it('a report new since the ref: every dataset listed with its rows, labels beside codes, capped, with its CSV', async () => {
    const repo = fixtureRepo();
    const roots = { data: path.join(repo, 'data'), content: path.join(repo, 'content') };
    scaffoldReport('bretagne', '2024', roots);
    // Obviously fake figures.
    const v1 = path.join(repo, 'data/reports/bretagne/2024/v1');
    writeFileSync(path.join(v1, 'cep_entries.csv'), 'territory,year,operator,entries,share_published,reported_gap\n53,2024,apec,1111,33.3,\n53,2024,cap-emploi,2222,66.7,\n53,2024,ensemble,3333,,\n');
    const { exitCode, output } = await runDiff({ ...at(repo, 'HEAD'), markdown: { maxDatasetRows: 2 } });
    expect(exitCode).toBe(0);
    expect(output.split('\n')[0]).toMatch(/^\*\*Données comparées à `HEAD`\*\* : 1 rapport ajouté ; 7 jeux de données ajoutés, .*8 chapitres ajoutés\.$/);
    const section = output.slice(output.indexOf('## Bretagne 2024, édition v1'));
    expect(section).toContain("- `cep_entries` ajouté : « Nouvelles entrées en CEP en 2024 selon l'opérateur, Bretagne », 3 lignes.");
    expect(section).toContain(
      [
        "#### `cep_entries` : « Nouvelles entrées en CEP en 2024 selon l'opérateur, Bretagne », 3 lignes",
        '',
        'Fichier : `data/reports/bretagne/2024/v1/cep_entries.csv`',
        '',
        '| Ligne | territory | year | operator | entries | share_published | reported_gap |',
        '|---|---|---|---|---|---|---|',
        `| 2 | 53 (Bretagne) | 2024 | apec (APEC) | 1${NNBSP}111 | 33,3 | (vide) |`,
        `| 3 | 53 (Bretagne) | 2024 | cap-emploi (Cap emploi) | 2${NNBSP}222 | 66,7 | (vide) |`,
        '',
        '… et 1 autre ligne (voir `data/reports/bretagne/2024/v1/cep_entries.csv`)',
      ].join('\n'),
    );
    expect(section).toContain('#### `ptp_files` : « ');
    expect(section).toContain('*Aucune ligne sous l’en-tête.*');
    expect(section).toMatch(/- `01-[a-z-]+\.mdx` ajouté : « /);
  });

  it('flags a change to an edition released on the ref at the top, listing its files, even with the lock re-hashed', async () => {
    const repo = fixtureRepo();
    const csv = `data/reports/${FIXTURE.id}/v1/reception_points.csv`;
    const chapter = `content/reports/${FIXTURE.id}/v2/02-profils.mdx`;
    edit(path.join(repo, csv), (t) => t.replace('Ville C) et une permanence', 'Ville C) et deux permanences'));
    rmSync(path.join(repo, chapter));
    resealEditions(path.join(repo, 'data'), path.join(repo, 'content'));
    const { exitCode, output } = await runDiff(at(repo, 'HEAD'));
    expect(exitCode).toBe(0);
    const lockFile = `data/reports/${FIXTURE.id}/editions.lock.json`;
    expect(output.split('\n').slice(0, 7)).toEqual([
      `> ⚠️ **Éditions publiées modifiées** : \`${FIXTURE.id}/v1\`, \`${FIXTURE.id}/v2\`, publiées sur \`HEAD\`, 3 changements. Une édition publiée ne change jamais : rétablissez ces fichiers tels qu'ils sont sur \`HEAD\` et faites la correction dans une nouvelle édition (\`npm run new-version\`, voir CONTRIBUTING.md) ; \`npm run validate -- --base\` localise chaque changement.`,
      '>',
      `> - \`${lockFile}\` : verrou modifié`,
      `> - \`${csv}\` : modifié`,
      `> - \`${chapter}\` : supprimé`,
      '',
      '**Données comparées à `HEAD`** : 1 cellule modifiée, 1 chapitre supprimé.',
    ]);
  });

  it('an unknown ref is an error in French, exit 2', async () => {
    const repo = fixtureRepo();
    const result = await runDiff(at(repo, 'pas-une-branche'));
    expect(result.exitCode).toBe(2);
    expect(result.output).toMatch(/^Référence git « pas-une-branche » introuvable/);
    expect((await runDiff(at(repo, '--output=x'))).exitCode).toBe(2);
  });

  it('outside a git repository: exit 2, said in French', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cep-diff-nogit-'));
    made.push(dir);
    expect(await runDiff({ ref: 'HEAD', cwd: dir })).toEqual({ exitCode: 2, output: `${dir} n'est pas dans un dépôt git : npm run diff compare l'arbre de travail à une référence git.\n` });
  });
});
