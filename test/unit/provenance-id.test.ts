import { describe, expect, it } from 'vitest';
import { findReport, inspectData, loadCatalog, type Catalog, type Report } from '../../src/data/catalog.ts';
import { indicatorRows } from '../../src/engine/node.ts';
import { loadIndicators } from '../../src/indicators/catalogue.ts';
import { figureFields } from '../../src/provenance/describe.ts';
import { cellId, datasetSlug, indicatorFigureId, rowId, slugPart } from '../../src/provenance/figure-id.ts';
import { cellHistory } from '../../src/provenance/history.ts';
import { FIXTURE, fixtureRoots } from '../helpers/fixtures.ts';

// The fixture reports (test/helpers/fixtures.ts), and every edition of the real catalog, unnamed.
const roots = fixtureRoots();
const fixtures = inspectData(roots.data, roots.content).catalog!;
const catalogs: [string, Catalog][] = [['fixtures', fixtures], ['catalog', loadCatalog()]];

const editionOf = (number: number) => fixtures.editions.find((e) => e.id === FIXTURE.id && e.edition.number === number)!;

/** Every dataset anchor of an edition (rows and figures), as `<dataset page>#<id>`, with what it names. */
function datasetIds(report: Report): { id: string; what: string }[] {
  return [...report.resources.values()].flatMap((resource) => {
    const page = datasetSlug(resource.descriptor.name);
    return resource.table.rows.flatMap((row, i) => [
      { id: `${page}#${rowId(resource, row)}`, what: `${resource.descriptor.name} ligne ${i + 2}` },
      ...figureFields(resource).map((field) => ({ id: `${page}#${cellId(resource, row, field)}`, what: `${resource.descriptor.name} ligne ${i + 2} ${field}` })),
    ]);
  });
}

const duplicates = (ids: { id: string; what: string }[]) => {
  const seen = new Map<string, string>();
  return ids.flatMap(({ id, what }) => {
    const before = seen.get(id);
    seen.set(id, what);
    return before ? [`${id}: ${before} / ${what}`] : [];
  });
};

describe('figure ids', () => {
  it('name a figure by what it is (row key and field on its dataset\'s page, dimensions on its indicator\'s), in a URL-safe form', () => {
    const report = editionOf(1);
    const resource = report.resources.get('ptp_files')!;
    const row = resource.table.rows.find((r) => String(r.territory) === FIXTURE.code)!;
    expect(cellId(resource, row, 'files')).toBe(`${FIXTURE.code}-2023--files`);
    expect(rowId(resource, row)).toBe(`${FIXTURE.code}-2023`);
    expect(indicatorFigureId({ dimensions: ['territory', 'year', 'operator'] }, { territory: '32', year: 2023, operator: 'france-travail' })).toBe('32-2023-france-travail');
    expect(slugPart('Évolution professionnelle (%)')).toBe('evolution-professionnelle');
  });

  it('do not depend on where the row stands: the same figure keeps its id when the rows are reordered', () => {
    const resource = editionOf(1).resources.get('cep_entries')!;
    const reordered = { ...resource, table: { ...resource.table, rows: [...resource.table.rows].reverse() } };
    // Each row's id, keyed by the row's content: the same row must get the same id in either order.
    const ids = (r: typeof resource) => new Map(r.table.rows.map((row) => [JSON.stringify(row), cellId(r, row, 'entries')]));
    expect(ids(resource).size).toBeGreaterThan(1);
    expect(ids(reordered)).toEqual(ids(resource));
  });

  it('are the same in every edition for the same figure, so that its history can be followed', () => {
    const [v1, v2] = [editionOf(1), editionOf(2)];
    const ids = (report: Report) => new Set(datasetIds(report).map((x) => x.id));
    expect(ids(v2)).toEqual(ids(v1));
  });

  for (const [name, catalog] of catalogs)
    it(`are unique within each provenance page of each edition (${name}): datasets and indicators`, async () => {
      for (const report of catalog.editions) {
        expect(duplicates(datasetIds(report)), report.editionId).toEqual([]);
        for (const indicator of loadIndicators().indicators) {
          const rows = await indicatorRows(report, indicator);
          const ids = rows.map((row, i) => ({ id: indicatorFigureId(indicator, row), what: `${indicator.id} résultat ${i}` }));
          expect(duplicates(ids), `${report.editionId} ${indicator.id}`).toEqual([]);
          for (const { id } of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        }
        for (const { id } of datasetIds(report)) expect(id).toMatch(/^[a-z0-9-]+#[a-z0-9]+(-[a-z0-9]+)*(--[a-z0-9]+(-[a-z0-9]+)*)?$/);
      }
    });
});

describe('figure history', () => {
  it('gives the value of the figure in each edition, the corrected one included', () => {
    const v2 = editionOf(2);
    const resource = v2.resources.get('ptp_files')!;
    const row = resource.table.rows.find((r) => String(r.territory) === FIXTURE.code)!;
    const history = cellHistory(fixtures, v2, resource, row, 'funded_rate_published');
    expect(history.map((h) => [h.edition.edition.number, h.value, h.present, h.current])).toEqual([
      [1, 75, true, false],
      [2, 70, true, true],
    ]);
    expect(findReport(fixtures, FIXTURE.id)).toBe(v2);
  });
});
