import { describe, expect, it } from 'vitest';
import { findReport, inspectData } from '../../src/data/catalog.ts';
import { labellerFor } from '../../src/data/labels.ts';
import { columnDecimals, figureText, tableModel } from '../../src/tables/model.ts';
import { FIXTURE, fixtureRoots, REGIONAL_HOLDER, SECOND } from '../helpers/fixtures.ts';

// The fixture reports (test/helpers/fixtures.ts).
const roots = fixtureRoots();
const catalog = inspectData(roots.data, roots.content).catalog!;
const model = (reportId: string, dataset: string) => {
  const report = findReport(catalog, reportId);
  const resource = report.resources.get(dataset)!;
  return tableModel(resource, labellerFor(catalog, report, resource));
};

describe('tables as readers see them', () => {
  it('pivots a profile: one line per category, one column per operator, the regional operator by its holder', () => {
    const t = model(FIXTURE.id, 'cep_objectives');
    expect(t.columns.map((c) => c.label)).toEqual(['APEC', 'Cap emploi', REGIONAL_HOLDER]);
    const change = t.groups[0]!.rows.find((r) => r.header.startsWith('Changer de métier'))!;
    expect(change.cells.map((c) => c.text)).toEqual(['50\u00a0%', '40\u00a0%', '30\u00a0%']);
  });

  it('lists a yearly table with French formats, keeps a missing value missing and drops empty columns', () => {
    const t = model(FIXTURE.id, 'resignation_files');
    expect(t.stub).toBe('Année observée');
    expect(t.columns.map((c) => c.label)).not.toContain('Projets de formation');
    const cells = (year: string) => t.groups[0]!.rows.find((r) => r.header === year)!.cells.map((c) => c.text);
    expect(cells('2023')).toEqual(['2\u202f000', '1\u202f800', '200', '90\u00a0%', '1\u202f000']);
    expect(cells('2020')).toEqual(['100', '90', '10', '90\u00a0%', 'n.d.']);
  });

  it('puts the ensemble row in the totals and shows labels instead of codes', () => {
    const t = model(SECOND.id, 'cep_entries');
    expect(t.totals.map((r) => [r.header, r.cells[0]!.text])).toEqual([['Ensemble des opérateurs', '1\u202f000']]);
    const headers = t.groups[0]!.rows.map((r) => r.header);
    expect(headers).toContain('Missions locales');
    // A region without a recorded holder: the regional operator by its generic label.
    expect(headers).toContain('Opérateur régional');
  });

  it('shows a quoted figure with its unit and the report’s caution', () => {
    const t = model(FIXTURE.id, 'key_figures');
    const row = t.groups[0]!.rows.find((r) => r.header.startsWith('Part des bénéficiaires d’un PTP âgés de 30 à 39 ans'))!;
    expect(row.cells[0]!.text).toBe('environ 40\u00a0% des bénéficiaires');
  });

  it('shows one precision per column: the most decimals the source prints in it', () => {
    expect(columnDecimals([80.9, 3, null, 'x'])).toBe(1);
    expect(columnDecimals([12, 3])).toBe(0);
    // The fixture's shares: 66.7 beside 10.0, which the CSV parser reads as 10.
    const t = model(FIXTURE.id, 'cep_entries');
    const share = t.columns.findIndex((c) => /part/i.test(c.label));
    expect(share).toBeGreaterThanOrEqual(0);
    const texts = [...t.groups[0]!.rows, ...t.totals].map((r) => r.cells[share]!.text).filter((x) => x !== 'n.d.');
    expect(texts).toContain('10,0\u00a0%');
    for (const text of texts) expect(text).toMatch(/^\d+,\d\u00a0%$/);
  });

  it('prints a figure the same wherever it is quoted (figureText): its column\'s precision, a quoted figure\'s caution', () => {
    const report = findReport(catalog, FIXTURE.id);
    const entries = report.resources.get('cep_entries')!;
    const ten = entries.table.rows.find((r) => r.share_published === 10)!;
    expect(figureText(entries, ten, 'share_published')).toBe('10,0\u00a0%');
    const quoted = report.resources.get('key_figures')!;
    const row = quoted.table.rows.find((r) => r.qualifier && String(r.label).startsWith('Part des bénéficiaires d’un PTP âgés de 30 à 39 ans'))!;
    expect(figureText(quoted, row, 'value')).toBe('environ 40\u00a0% des bénéficiaires');
    expect(figureText(quoted, row, 'value', { unit: false })).toBe('environ 40');
    expect(figureText(quoted, row, 'value', { qualifier: false })).toBe('40\u00a0% des bénéficiaires');
  });
});
