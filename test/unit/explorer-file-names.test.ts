import { describe, expect, it } from 'vitest';
import { asciiSlug, downloadName, viewFileName } from '../../src/explorer/file-names.ts';
import type { TableState } from '../../src/explorer/query.ts';
import type { ExplorerView } from '../../src/explorer/views.ts';

// Fictional views, shaped as explorer/views.ts makes them.
const field = (name: string, title: string) => ({ name, title, type: 'string' as const, role: 'facet' as const });
const reportView: ExplorerView = {
  id: 'terre-du-milieu-2031--entrees_fictives',
  title: 'Entrées fictives (Terre du Milieu 2031)',
  table: 'v_x',
  csv: '/x.csv',
  report: 'terre-du-milieu/2031',
  edition: 4,
  fields: [field('operator', 'Opérateur'), field('territory', 'Territoire')],
  notes: [],
  sources: [],
};
const kindView: ExplorerView = { ...reportView, id: 'tous--kind-fictif', report: undefined, edition: undefined };
const table = (more: Partial<TableState> = {}): TableState => ({ mode: 'table', view: reportView.id, filters: {}, group: [], page: 1, ...more });

describe('explorer download names', () => {
  it('names a report’s dataset with its edition, and a view across reports by its kind', () => {
    expect(viewFileName(reportView)).toBe('terre-du-milieu-2031-v4-entrees-fictives');
    expect(downloadName(table(), reportView, false)).toBe('terre-du-milieu-2031-v4-entrees-fictives.csv');
    expect(downloadName(table({ view: kindView.id }), kindView, true)).toBe('tous-les-rapports-kind-fictif-excel.csv');
  });

  it('says the filter values when short, and « filtre » when they would make a long name', () => {
    expect(downloadName(table({ filters: { operator: ['Pôle Z', 'cap-x'], territory: [] } }), reportView, false)).toBe('terre-du-milieu-2031-v4-entrees-fictives-pole-z-cap-x.csv');
    expect(downloadName(table({ filters: { operator: ['un-code-assez-long', 'un-autre-code-long'] } }), reportView, true)).toBe('terre-du-milieu-2031-v4-entrees-fictives-filtre-excel.csv');
    expect(downloadName(table({ search: 'Zèbre' }), reportView, false)).toBe('terre-du-milieu-2031-v4-entrees-fictives-zebre.csv');
    expect(downloadName(table({ search: '«»' }), reportView, false)).toBe('terre-du-milieu-2031-v4-entrees-fictives-filtre.csv');
  });

  it('says the grouping by the fields’ titles, and ignores sort and page (a download holds every row)', () => {
    expect(downloadName(table({ group: ['operator', 'territory'], sort: { field: 'operator', desc: true }, page: 3 }), reportView, false)).toBe(
      'terre-du-milieu-2031-v4-entrees-fictives-par-operateur-territoire.csv',
    );
  });

  it('names an indicator comparison by what it compares', () => {
    expect(downloadName({ mode: 'indicator', indicator: 'taux-fictif', compare: 'regions', at: '2031' }, undefined, false)).toBe('indicateur-taux-fictif-regions-2031.csv');
    expect(downloadName({ mode: 'indicator', indicator: 'taux-fictif', compare: 'years', at: '99' }, undefined, true)).toBe('indicateur-taux-fictif-region-99-par-annee-excel.csv');
  });

  it('keeps names ASCII', () => {
    expect(asciiSlug('Œuvre « Ça » — Île-de-France ’24')).toBe('oeuvre-ca-ile-de-france-24');
  });
});
