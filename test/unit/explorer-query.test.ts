import { describe, expect, it } from 'vitest';
import { resultCsv } from '../../src/explorer/download.ts';
import { buildQueries, InvalidState, parseState, stateToSearch, type TableState } from '../../src/explorer/query.ts';
import type { ExplorerView } from '../../src/explorer/views.ts';

const view: ExplorerView = {
  id: 'tous--cep-entries-by-operator',
  title: 'Entrées',
  table: 'v_tous_cep_entries_by_operator',
  csv: '/x.csv',
  notes: [],
  sources: [],
  fields: [
    { name: 'territory', title: 'Territoire', type: 'string', role: 'facet', label: 'territory_label' },
    { name: 'year', title: 'Année', type: 'integer', role: 'facet' },
    { name: 'entries', title: 'Entrées', type: 'integer', role: 'measure' },
    { name: 'share_published', title: 'Part (%)', type: 'number', role: 'measure', percent: true },
  ],
  sums: { measures: ['entries'], over: ['territory', 'operator'], key: ['territory', 'year', 'operator'], totals: { operator: ['ensemble'] }, wideTerritories: ['FR', 'FRM'] },
};
const parse = (search: string) => parseState(search, [view], ['cep-entries-total'], view.id);

describe('explorer state', () => {
  it('round-trips through the URL', () => {
    const state: TableState = { mode: 'table', view: view.id, filters: { territory: ['28', 'FRM'] }, group: ['territory'], sort: { field: 'entries', desc: true }, search: 'pôle', page: 2 };
    expect(parse(stateToSearch(state, view.id))).toEqual(state);
  });

  it('refuses what is not in the allowlist', () => {
    for (const bad of ['?vue=autre', '?f.entries=3', '?f.inconnu=1', '?grouper=entries', '?tri=territory;DROP', '?tri=entries:up', '?page=-1', '?page=1e9', '?page=1e3', '?page=0x10', '?page=12.0', '?page=02', '?page=+2', '?page=100000', `?q=${'x'.repeat(201)}`, '?indicateur=x', '?indicateur=cep-entries-total&comparer=regions&annee=2023;'])
      expect(() => parse(bad), bad).toThrow(InvalidState);
  });

  it('binds every value and writes only allowlisted names into the SQL', () => {
    const state = parse(`?f.territory=${encodeURIComponent("28' OR 1=1 --")}&q=${encodeURIComponent("'; DROP")}&page=3`) as TableState;
    const q = buildQueries(state, view);
    expect(q.rows.sql).not.toContain('OR 1=1');
    expect(q.rows.sql).not.toContain('DROP');
    expect(q.rows.params).toEqual(["28' OR 1=1 --", "'; drop", 50]);
    const order = ['territory', 'year', 'territory_label', 'entries', 'share_published'].map((c) => `"${c}" ASC NULLS LAST`).join(', ');
    expect(q.rows.sql).toBe(
      `SELECT "territory", "territory_label", CAST("year" AS DOUBLE) AS "year", CAST("entries" AS DOUBLE) AS "entries", CAST("share_published" AS DOUBLE) AS "share_published" FROM explorateur."v_tous_cep_entries_by_operator" WHERE CAST("territory" AS VARCHAR) IN (?) AND (contains(strip_accents(lower(coalesce("territory_label", \'\'))), ?)) ORDER BY ${order} LIMIT 25 OFFSET ?`,
    );
  });

  it('never sums a percentage when grouping', () => {
    const q = buildQueries(parse('?grouper=territory') as TableState, view);
    expect(q.columns.map((c) => c.name)).toEqual(['territory', 'entries', 'lignes', 'sommes']);
  });
});

describe('explorer downloads', () => {
  const columns = [
    { name: 'territory', title: 'Territoire', label: 'territory_label', numeric: false, percent: false },
    { name: 'share', title: 'Part', numeric: true, percent: true },
  ];
  const rows = [{ territory: '28', territory_label: '=HYPERLINK("http://x")', share: 80.9 }];

  it('writes UTF-8 CSV with the labels, and neutralises formula-like cells', () => {
    expect(resultCsv(columns, rows, false)).toBe('territory,territory_libelle,share\r\n28,"\'=HYPERLINK(""http://x"")",80.9\r\n');
  });

  it('neutralises a formula behind spaces or invisible characters, never a negative number', () => {
    const awkward = [{ territory: '28', territory_label: '\t=cmd', share: -5.5 }, { territory: '32', territory_label: '\u00a0@x', share: null }];
    expect(resultCsv(columns, awkward, true)).toBe('\ufeffterritory;territory_libelle;share\r\n28;\'\t=cmd;-5,5\r\n32;\'\u00a0@x;\r\n');
  });

  it('writes a CSV for French Excel: BOM, semicolons, decimal commas', () => {
    expect(resultCsv(columns, rows, true)).toBe('\ufeffterritory;territory_libelle;share\r\n28;"\'=HYPERLINK(""http://x"")";80,9\r\n');
  });
});

describe('explorer rendering', () => {
  it('shows labels and values that contain markup as text', async () => {
    const { resultHtml } = await import('../../src/explorer/render.ts');
    const html = resultHtml(
      { columns: [{ name: 'territory', title: '<i>Territoire</i>', label: 'territory_label', numeric: false, percent: false }], rows: [{ territory: '28', territory_label: '<script>alert(1)</script>' }], count: 1, page: 1, pageSize: 25 },
      'Légende <b>',
    );
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;i&gt;Territoire&lt;/i&gt;');
    expect(html).toContain('Légende &lt;b&gt;');
    expect(html).not.toMatch(/<script|<i>|<b>/);
  });
});

describe('explorer views across reports', () => {
  it('count a figure once per report even when the report prints it in two tables', async () => {
    const { inspectData } = await import('../../src/data/catalog.ts');
    const { explorerViews } = await import('../../src/explorer/views.ts');
    const { copyOfData } = await import('../helpers/data-copy.ts');
    const { SECOND } = await import('../helpers/fixtures.ts');
    // The fixture report prints its APEC entries a second time, in a table of the same kind.
    const data = copyOfData();
    const edition = `reports/${SECOND.id}/v1`;
    data.write(`${edition}/text_entries.csv`, `territory,year,operator,entries,share_published,reported_gap\n${SECOND.code},${SECOND.year},apec,100,,\n`);
    data.editJson(`${edition}/datapackage.json`, (pkg) => {
      const entries = pkg.resources.find((r: { name: string }) => r.name === 'cep_entries');
      pkg.resources.push({ ...entries, name: 'text_entries', path: 'text_entries.csv', title: 'Entrées citées dans le texte' });
    });
    const { catalog, issues } = inspectData(data.dir, data.content);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    const entries = explorerViews(catalog!, catalog!.reports).find((d) => d.view.id === 'tous--cep-entries-by-operator')!;
    const keys = entries.rows.map((r) => [r.report, r.territory, r.year, r.operator].join('|'));
    expect(keys.length).toBe(new Set(keys).size);
    expect(entries.rows.filter((r) => r.report === SECOND.id && r.operator === 'apec').map((r) => r.dataset)).toEqual(['cep_entries']);
  });

  it('leave the published totals (ensemble) out of sums', () => {
    const withOperator: ExplorerView = { ...view, fields: [...view.fields, { name: 'operator', title: 'Opérateur', type: 'string', role: 'facet', label: 'operator_label' }] };
    const q = buildQueries(parse('?grouper=territory') as TableState, withOperator);
    expect(q.totals.sql).toContain(`coalesce("operator", '') NOT IN ('ensemble')`);
    expect(q.rows.sql).toContain(`coalesce("operator", '') NOT IN ('ensemble')`);
  });
});
