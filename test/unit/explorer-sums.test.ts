/**
 * The explorer's totals and grouped sums (issue 14): only the counts a kind declares additive,
 * over rows that do not nest; otherwise no sum, and the row says why. Fake figures.
 */
import { describe, expect, it } from 'vitest';
import { buildQueries, type TableState } from '../../src/explorer/query.ts';
import type { ResultRow } from '../../src/explorer/render.ts';
import { runPlan } from '../../src/explorer/rows.ts';
import { totalsNote, withSumNotes } from '../../src/explorer/sums.ts';
import type { ExplorerView } from '../../src/explorer/views.ts';

const view: ExplorerView = {
  id: 'tous--cep-entries-by-operator',
  title: 'Entrées',
  table: 'v',
  csv: '/v.csv',
  notes: [],
  sources: [],
  fields: [
    { name: 'report', title: 'Rapport', type: 'string', role: 'facet', label: 'report_label' },
    { name: 'territory', title: 'Territoire', type: 'string', role: 'facet', label: 'territory_label' },
    { name: 'year', title: 'Année', type: 'integer', role: 'facet' },
    { name: 'operator', title: 'Opérateur', type: 'string', role: 'facet', label: 'operator_label' },
    { name: 'entries', title: 'Entrées', type: 'integer', role: 'measure' },
    { name: 'share_published', title: 'Part (%)', type: 'number', role: 'measure', percent: true },
  ],
  sums: { measures: ['entries'], over: ['territory', 'operator'], key: ['territory', 'year', 'operator'], totals: { operator: ['ensemble'] }, wideTerritories: ['FR', 'FRM'] },
};
const row = (report: string, territory: string, year: number, operator: string, entries: number | null): ResultRow => ({
  report,
  report_label: report,
  territory,
  territory_label: territory,
  year,
  operator,
  operator_label: operator,
  entries,
  share_published: 10,
});
const rows = [
  row('r32/2023', '32', 2023, 'apec', 100),
  row('r32/2023', '32', 2023, 'cap-emploi', 200),
  row('r32/2023', '32', 2023, 'ensemble', 300),
  row('r32/2023', 'FRM', 2023, 'apec', 1000),
  row('r32/2023', 'FRM', 2023, 'ensemble', 1000),
  row('r94/2023', '94', 2023, 'apec', 10),
  row('r94/2023', '94', 2023, 'cap-emploi', null),
  row('r94/2023', 'FRM', 2023, 'apec', 1000),
  row('r94/2020', '94', 2020, 'apec', 1),
  row('r53/2024', '53', 2023, 'apec', 7),
];
const state = (s: Partial<TableState>): TableState => ({ mode: 'table', view: view.id, filters: {}, group: [], page: 1, ...s });

function total(s: Partial<TableState>, v = view) {
  const { plan } = buildQueries(state(s), v);
  const answer = runPlan(plan, rows);
  return { sum: answer.totals.entries, note: totalsNote(plan, answer.totals, v) };
}

describe('explorer totals', () => {
  it('add the regions of one year, leaving the published total (ensemble) out', () => {
    expect(total({ filters: { territory: ['32', '94'], year: ['2023'], report: ['r32/2023', 'r94/2023'] } })).toEqual({ sum: 310, note: undefined });
  });

  it('never add a territory with the one that contains it', () => {
    expect(total({ filters: { report: ['r32/2023'] } })).toEqual({ sum: null, note: 'Pas de total : les lignes mêlent un territoire et un territoire qui le contient.' });
  });

  it('never add several years, nor reports of different years, nor a figure given twice', () => {
    expect(total({ filters: { territory: ['94'] } }).note).toBe('Pas de total : les lignes mêlent plusieurs années, des rapports d’années différentes.');
    expect(total({ filters: { territory: ['53', '32'], year: ['2023'] } }).note).toBe('Pas de total : les lignes mêlent des rapports d’années différentes.');
    expect(total({ filters: { territory: ['FRM'], operator: ['apec'] } }).note).toBe('Pas de total : les lignes mêlent un même chiffre donné par plusieurs rapports.');
  });

  it('are absent, and say so, for a table that declares nothing additive', () => {
    const free = { ...view, sums: undefined };
    expect(total({ filters: { report: ['r94/2023'] } }, free)).toEqual({ sum: undefined, note: 'Pas de total : ce tableau ne déclare aucune colonne qui s’additionne.' });
  });
});

describe('explorer grouped sums', () => {
  it('follow the same rule, group by group, and say why a group has none', () => {
    const q = buildQueries(state({ group: ['operator'], filters: { year: ['2023'], report: ['r32/2023', 'r94/2023'] } }), view);
    const answer = runPlan(q.plan, rows);
    const shown = withSumNotes({ columns: q.columns, rows: answer.rows, count: answer.count, page: 1, pageSize: 25 }, q.plan, view).rows;
    expect(shown.map((r) => [r.operator, r.entries, r.sommes])).toEqual([
      ['apec', null, 'Pas de somme : les lignes mêlent un territoire et un territoire qui le contient, un même chiffre donné par plusieurs rapports.'],
      ['cap-emploi', 200, ''],
      ['ensemble', null, 'Pas de somme : les lignes mêlent un territoire et un territoire qui le contient.'],
    ]);
    const byTerritory = runPlan(buildQueries(state({ group: ['territory'], filters: { report: ['r32/2023'] } }), view).plan, rows);
    expect(byTerritory.rows.map((r) => [r.territory, r.entries])).toEqual([
      ['32', 300],
      ['FRM', 1000],
    ]);
  });
});
