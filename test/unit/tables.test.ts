import { describe, expect, it } from 'vitest';
import { findReport, loadCatalog } from '../../src/data/catalog.ts';
import { labellerFor } from '../../src/data/labels.ts';
import { tableModel } from '../../src/tables/model.ts';

const catalog = loadCatalog();
const model = (reportId: string, dataset: string) => {
  const report = findReport(catalog, reportId);
  const resource = report.resources.get(dataset)!;
  return tableModel(resource, labellerFor(catalog, report, resource));
};

describe('tables as readers see them', () => {
  it('pivots a profile: one line per category, one column per operator, the regional operator by its holder', () => {
    const t = model('normandie/2023', 'cep_objectives');
    expect(t.columns.map((c) => c.label)).toEqual(['APEC', 'Cap emploi', 'Groupement Évolution', 'Missions locales', 'Pôle emploi']);
    const find = t.groups[0]!.rows.find((r) => r.header.startsWith('Trouver ou retrouver un emploi'))!;
    expect(find.cells.map((c) => c.text)).toEqual(['50\u00a0%', '94\u00a0%', '0\u00a0%', '30\u00a0%', '100\u00a0%']);
  });

  it('lists a yearly table with French formats, keeps a missing value missing and drops empty columns', () => {
    const t = model('normandie/2023', 'resignation_files');
    expect(t.stub).toBe('Année observée');
    expect(t.columns.map((c) => c.label)).not.toContain('Projets de formation');
    const cells = (year: string) => t.groups[0]!.rows.find((r) => r.header === year)!.cells.map((c) => c.text);
    expect(cells('2023')).toEqual(['1\u202f147', '1\u202f119', '28', '98\u00a0%', '780']);
    expect(cells('2020')).toEqual(['474', '454', '20', '95\u00a0%', 'n.d.']);
  });

  it('puts the ensemble row in the totals and shows labels instead of codes', () => {
    const t = model('occitanie/2020', 'cep_entries');
    expect(t.totals.map((r) => [r.header, r.cells[0]!.text])).toEqual([['Ensemble des opérateurs', '210\u202f476']]);
    expect(t.groups[0]!.rows.map((r) => r.header)).toContain('CIBC et chambres consulaires');
  });

  it('shows a quoted figure with its unit and the report’s caution', () => {
    const t = model('normandie/2023', 'ptp_key_figures');
    const row = t.groups[0]!.rows.find((r) => r.header.startsWith('Part des bénéficiaires d’un PTP âgés de 30 à 39 ans'))!;
    expect(row.cells[0]!.text).toBe('environ 40\u00a0% des bénéficiaires');
  });
});
