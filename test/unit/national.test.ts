/**
 * The national view over the fixture reports (fictional): every value a report gives for a
 * territory and year, with its source; a region's figure published in another region's report
 * says so; two reports giving the same figure are both kept; a region without a value is « non
 * disponible »; nothing is invented. And the tile map drawn from it.
 */
import { describe, expect, it } from 'vitest';
import { inspectData, type Catalog } from '../../src/data/catalog.ts';
import { formatIssue } from '../../src/data/issues.ts';
import { tilesOf } from '../../src/data/tiles.ts';
import { indicatorRows } from '../../src/engine/node.ts';
import { getIndicator, loadIndicators } from '../../src/indicators/catalogue.ts';
import { gatherYear, isTerritorial, variantDimension } from '../../src/national/gather.ts';
import { isMapped, nationalView } from '../../src/national/view.ts';
import { parseHTML } from 'linkedom';
import { renderSvg } from '../../src/charts/render-svg.ts';
import { colorScale, contrast, describeTileMap, inkOn, tileData, tileMapOptions } from '../../src/charts/tile-map.ts';
import { mapFigure, mapLecture } from '../../src/national/map-figure.ts';
import { copyOfData } from '../helpers/data-copy.ts';
import { FIXTURE, SECOND } from '../helpers/fixtures.ts';

// The fixture region's latest edition (v2) also gives the PTP files of the second fixture's region
// (fake figures), as a real report gives its neighbours'.
const LATEST_PTP = `reports/${FIXTURE.id}/v2/ptp_files.csv`;
const OTHER_ROW = `${SECOND.code},${FIXTURE.year},500,300,100,,`;

function catalogWith(change?: (data: ReturnType<typeof copyOfData>) => void): Catalog {
  const data = copyOfData();
  change?.(data);
  const { catalog, issues } = inspectData(data.dir, data.content);
  expect(issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([]);
  return catalog!;
}

const regionCount = (catalog: Catalog) => [...catalog.territories.values()].filter((t) => t.level === 'region').length;

describe('the national view (build time)', () => {
  it('maps an indicator with one other dimension once per value, named after it, and the same figures only once', async () => {
    const catalog = catalogWith();
    const view = await nationalView(catalog, catalog.reports);
    const all = view.years.flatMap((y) => y.indicators);
    const yoy = all.filter((i) => i.indicator.catalogueId === 'count-variation-yoy');
    expect(yoy.length).toBeGreaterThan(0);
    const populations = catalog.reference.get('populations')!.table.rows;
    for (const i of yoy) {
      const variant = i.indicator.variant!;
      expect(variant.dimension).toBe('population');
      expect(i.indicator.id).toBe(`count-variation-yoy--${variant.code}`);
      expect(i.indicator.label).toBe(`${getIndicator('count-variation-yoy').label} — ${String(populations.find((r) => r.code === variant.code)!.label)}`);
      // Its values are the indicator's rows of that series, nothing else.
      const report = catalog.reports.find((r) => i.regions.concat(i.national).some((t) => t.values.some((v) => v.source.report === r.id)))!;
      const rows = (await indicatorRows(report, getIndicator('count-variation-yoy'))).filter((r) => r.population === variant.code && Number(r.year) === i.year && r.value !== null);
      const given = [...i.national, ...i.regions].flatMap((t) => t.values.filter((v) => v.source.report === report.id).map((v) => [t.code, v.value]));
      expect(given.sort()).toEqual(rows.map((r) => [String(r.territory), r.value]).sort());
    }
    // The generic count series repeats the PTP files indicator: shown once, under the indicator's own name.
    expect(all.some((i) => i.indicator.id === 'ptp-files')).toBe(true);
    expect(all.some((i) => i.indicator.id === 'count-series--ptp-files')).toBe(false);
    // Several other dimensions (profiles): no map.
    expect(all.some((i) => i.indicator.catalogueId === 'profile-share')).toBe(false);
  });

  it('keeps the source of a region’s figure published in another region’s report', async () => {
    const catalog = catalogWith((d) => d.edit(LATEST_PTP, (t) => `${t}${OTHER_ROW}\n`));
    const view = await nationalView(catalog, catalog.reports);
    const ptp = view.years.find((y) => y.year === FIXTURE.year)!.indicators.find((i) => i.indicator.id === 'ptp-files')!;
    const other = ptp.regions.find((r) => r.code === SECOND.code)!;
    expect(other.values).toEqual([
      { value: 500, source: expect.objectContaining({ report: FIXTURE.id, edition: 2, own: false, reportLabel: `${FIXTURE.label} ${FIXTURE.year}` }) },
    ]);
    expect(other.values[0]!.source.url).toBe(`/${FIXTURE.id}/v2/provenance/indicateurs/ptp-files/#${SECOND.code}-${FIXTURE.year}`);
    expect(ptp.regions.find((r) => r.code === FIXTURE.code)!.values.map((v) => [v.value, v.source.own])).toEqual([[1000, true]]);
    // Two regions with a value: the indicator is mapped that year and has its page.
    expect(isMapped(ptp)).toBe(true);
    expect(view.indicators.map((i) => i.id)).toContain('ptp-files');
  });

  it('lists every region, those without a value as not available (no value, never 0)', async () => {
    const catalog = catalogWith();
    const view = await nationalView(catalog, catalog.reports);
    const ptp = view.years.find((y) => y.year === FIXTURE.year)!.indicators.find((i) => i.indicator.id === 'ptp-files')!;
    expect(ptp.regions).toHaveLength(regionCount(catalog));
    const without = ptp.regions.filter((r) => r.code !== FIXTURE.code);
    expect(without.every((r) => r.values.length === 0)).toBe(true);
    // One region only: no map, and no indicator page from it.
    expect(isMapped(ptp)).toBe(false);
    const data = tileData(ptp, tilesOf(catalog.territories.values()));
    expect(data.filter((d) => d.state === 'missing').map((d) => [d.value, d.text])).toEqual(without.map(() => [null, 'n.d.']));
  });

  it('invents nothing: the values gathered are exactly the reports’ non-missing rows (of each series or operator shown)', async () => {
    const catalog = catalogWith();
    const view = await nationalView(catalog, catalog.reports);
    for (const indicator of loadIndicators().indicators.filter(isTerritorial)) {
      const shown = view.years.flatMap((y) => y.indicators.filter((i) => i.indicator.catalogueId === indicator.id));
      const variants = new Set(shown.map((i) => i.indicator.variant?.code ?? ''));
      const dimension = variantDimension(indicator);
      const expected = (await Promise.all(catalog.reports.map((r) => indicatorRows(r, indicator))))
        .flat()
        .filter((r) => r.value !== null && variants.has(dimension ? String(r[dimension]) : ''))
        .map((r) => `${dimension ? String(r[dimension]) : ''}|${String(r.territory)}|${String(r.year)}|${r.value}`);
      const gathered = shown.flatMap((i) => [...i.national, ...i.regions].flatMap((t) => t.values.map((v) => `${i.indicator.variant?.code ?? ''}|${t.code}|${i.year}|${v.value}`)));
      expect(gathered.sort(), indicator.id).toEqual(expected.sort());
    }
  });

  it('shows both values, with their sources, when two reports give the same figure; a missing value stays missing', async () => {
    const catalog = catalogWith();
    const [own, other] = [FIXTURE, SECOND].map((f) => catalog.reports.find((r) => r.id === f.id)!);
    const indicator = getIndicator('ptp-files');
    const rows = await indicatorRows(own!, indicator);
    const doubled = rows.map((r) => ({ ...r, value: r.value === null ? null : r.value * 2 }));
    const missing = rows.map((r) => ({ ...r, territory: SECOND.code, value: null }));
    const year = gatherYear(indicator, FIXTURE.year, [{ report: own!, rows }, { report: other!, rows: [...doubled, ...missing] }], [...catalog.territories.values()]);
    const region = year.regions.find((r) => r.code === FIXTURE.code)!;
    expect(region.values.map((v) => [v.value, v.source.report, v.source.own])).toEqual([
      [1000, own!.id, true],
      [2000, other!.id, false],
    ]);
    expect(year.regions.find((r) => r.code === SECOND.code)!.values).toEqual([]);
    const tile = tileData(year, tilesOf(catalog.territories.values())).find((d) => d.code === FIXTURE.code)!;
    expect([tile.state, tile.value, tile.text]).toEqual(['several', null, '2 valeurs']);
  });
});

describe('which years are mapped', () => {
  it('maps from two regions with a value: France and France métropolitaine stand beside the map, not on it', async () => {
    const catalog = catalogWith();
    const own = catalog.reports.find((r) => r.id === FIXTURE.id)!;
    const indicator = getIndicator('ptp-files');
    const rows = (await indicatorRows(own, indicator)).filter((r) => String(r.territory) === FIXTURE.code && Number(r.year) === FIXTURE.year);
    const as = (...codes: string[]) => codes.flatMap((territory) => rows.map((r) => ({ ...r, territory })));
    const gather = (...codes: string[]) => gatherYear(indicator, FIXTURE.year, [{ report: own, rows: as(...codes) }], [...catalog.territories.values()]);
    const tiles = tilesOf(catalog.territories.values());

    const national = gather('FR', 'FRM');
    expect(national.national.map((t) => t.values.length)).toEqual([1, 1]);
    expect(isMapped(national)).toBe(false);
    expect(isMapped(gather('FRM', FIXTURE.code))).toBe(false);
    expect(isMapped(gather(SECOND.code, FIXTURE.code))).toBe(true);
    // Without a region, the description never opens on « aucune région ».
    expect(describeTileMap(national, tileData(national, tiles))).toBe(
      `Carte des régions en tuiles, dossiers de projet de transition professionnelle déposés en ${FIXTURE.year} : non disponible pour les ${tiles.length} régions.`,
    );
  });
});

describe('the tile map', () => {
  it('draws one tile per region, overseas included, each named and with its value or « n.d. »', async () => {
    const catalog = catalogWith((d) => d.edit(LATEST_PTP, (t) => `${t}${OTHER_ROW}\n`));
    const view = await nationalView(catalog, catalog.reports);
    const ptp = view.years.find((y) => y.year === FIXTURE.year)!.indicators.find((i) => i.indicator.id === 'ptp-files')!;
    const tiles = tilesOf(catalog.territories.values());
    expect(tiles).toHaveLength(regionCount(catalog));
    const data = tileData(ptp, tiles);
    const svg = renderSvg((size) => tileMapOptions(data, 'count', size, 'carte'), { labelledBy: 'titre', describedBy: 'alt' });
    // Two drawings (phone, wide), each with a tile and a title per region.
    const titles = [...svg.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]);
    expect(titles).toHaveLength(2 * tiles.length);
    expect(titles).toContain(`${FIXTURE.label} : 1\u202f000`);
    expect(titles).toContain(`${SECOND.label} : 500`);
    expect(titles.filter((t) => t!.endsWith(': n.d.'))).toHaveLength(2 * (tiles.length - 2));
    expect(svg).toContain('url(#carte-hachures-narrow)');
    // Each drawing at its map's own width: tiles from edge to edge, no blank band beside the wide one.
    const roots = [...parseHTML(`<html><body>${svg}</body></html>`).document.querySelectorAll('body > svg')];
    expect(roots.map((r) => r.getAttribute('width'))).toEqual(['320', '440']);
    for (const root of roots) {
      const [width, height] = ['width', 'height'].map((a) => Number(root.getAttribute(a)));
      expect(root.getAttribute('viewBox')).toBe(`0 0 ${width} ${height}`);
      const cells = [...root.querySelectorAll('rect')].map((r) => ['x', 'y', 'width', 'height'].map((a) => Number(r.getAttribute(a))) as [number, number, number, number]);
      expect(cells).toHaveLength(tiles.length);
      // Plot insets each cell by 2 px inside its tile.
      expect(Math.min(...cells.map(([x]) => x)) - 2).toBe(0);
      expect(Math.max(...cells.map(([x, , w]) => x + w)) + 2).toBe(width);
      expect(Math.max(...cells.map(([, y, , h]) => y + h)) + 2).toBe(height);
    }
    expect(describeTileMap(ptp, data)).toBe(
      `Carte des régions en tuiles, dossiers de projet de transition professionnelle déposés en ${FIXTURE.year} : ${SECOND.label} 500 et ${FIXTURE.label} 1\u202f000 ; non disponible pour les ${tiles.length - 2} autres régions.`,
    );
  });

  it('is described only where it is drawn; its Lecture places the region with its own preposition', async () => {
    const catalog = catalogWith();
    const view = await nationalView(catalog, catalog.reports);
    const ptp = view.years.find((y) => y.year === FIXTURE.year)!.indicators.find((i) => i.indicator.id === 'ptp-files')!;
    const tiles = tilesOf(catalog.territories.values());
    const table = mapFigure(ptp, tiles, 'carte', false);
    expect(table.drawing).toBeUndefined();
    const drawn = mapFigure(ptp, tiles, 'carte', true);
    expect(drawn.drawing!.alt).toBe(describeTileMap(ptp, drawn.data));
    expect(drawn.drawing!.svg.match(/aria-describedby="([^"]*)"/g)).toEqual([`aria-describedby="${drawn.ids.alt}"`, `aria-describedby="${drawn.ids.alt}"`]);
    const lecture = `En ${FIXTURE.year}, dossiers de projet de transition professionnelle déposés : 1\u202f000 ${FIXTURE.inLabel} (rapport ${FIXTURE.label} ${FIXTURE.year} (édition 2)).`;
    expect([table.lecture, mapLecture(ptp)]).toEqual([lecture, lecture]);
  });
});

describe('the tile colours', () => {
  it('write each value in the ink, black or white, that contrasts most with its tile: at least 4.5:1 on any fill', () => {
    const scale = colorScale('count', [100]);
    expect([0, 50, 100].map((v) => scale.ink(v))).toEqual(['#000000', '#000000', '#ffffff']);
    const worst = Math.min(...[...Array(101).keys()].map((v) => contrast(scale.color(v), scale.ink(v))));
    expect(worst).toBeGreaterThanOrEqual(4.5);
    expect(inkOn('rgb(29, 91, 135)')).toBe('#ffffff');
    // Signed units: red below zero, blue above, light at zero.
    const signed = colorScale('points', [-2, 6]);
    expect(signed.domain).toEqual([-6, 0, 6]);
    expect(signed.color(0)).toBe('rgb(238, 243, 248)');
  });
});
