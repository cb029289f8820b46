/**
 * An indicator's time series on the national pages (fictional values): every territory with a
 * value, the breaks inside the years shown, points of two segments never joined, and the chart
 * drawn from it (a dashed rule at the break, every value written).
 */
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../src/charts/render-svg.ts';
import { describeSeries, seriesLinesOptions } from '../../src/charts/series-lines.ts';
import type { AppliedBreak } from '../../src/indicators/model.ts';
import type { IndicatorYear, TerritoryValues } from '../../src/national/gather.ts';
import { indicatorSeries } from '../../src/national/series.ts';

const source = (territory: string, own = true) => ({ report: `r-${territory}`, edition: 1, reportLabel: `Rapport ${territory}`, own, url: `/r/${territory}/` });
const territory = (code: string, value?: number): TerritoryValues => ({ code, label: `Territoire ${code}`, inLabel: `dans le Territoire ${code}`, values: value === undefined ? [] : [{ value, source: source(code) }] });
const indicator = { id: 'test', catalogueId: 'test', label: 'Indicateur de test', unit: 'count' as const, decimals: 0, definition: 'Définition de test.' };
const year = (y: number, regions: TerritoryValues[], national: TerritoryValues[] = []): IndicatorYear => ({ indicator, year: y, regions, national });
const split: AppliedBreak = { id: 'test-break', year: 2023, cause: 'source', label: 'source de test', explanation: 'Explication de test.', where: {} };
const years = [
  year(2021, [territory('A', 100), territory('B', 40), territory('C')], [territory('FRM', 1000)]),
  year(2022, [territory('A', 110), territory('B'), territory('C', 7)]),
  year(2023, [territory('A', 90), territory('B', 50), territory('C')]),
];

describe('an indicator over the years', () => {
  it('lists France first, then every region with a value; follows those with two years; keeps the breaks inside the years', () => {
    const series = indicatorSeries({ breaks: [split, { ...split, id: 'later', year: 2030 }] }, years)!;
    expect(series.years).toEqual([2021, 2022, 2023]);
    expect(series.territories.map((t) => t.code)).toEqual(['FRM', 'A', 'B', 'C']);
    expect([...new Set(series.points.map((p) => p.territory))]).toEqual(['A', 'B']);
    expect(series.points.filter((p) => p.territory === 'A').map((p) => [p.year, p.segment])).toEqual([[2021, 0], [2022, 0], [2023, 1]]);
    expect(series.breaks.map((b) => b.id)).toEqual(['test-break']);
    // A break concerning other territories only is not drawn.
    expect(indicatorSeries({ breaks: [{ ...split, where: { territory: ['Z'] } }] }, years)!.breaks).toEqual([]);
    // Nothing to follow when no territory has two years.
    expect(indicatorSeries({ breaks: [] }, years.slice(0, 1))).toBeUndefined();
  });

  it('draws a dashed rule at the break, never a line across it, and every value', () => {
    const series = indicatorSeries({ breaks: [split] }, years)!;
    const svg = renderSvg((size) => seriesLinesOptions(series, 'count', 0, size), { labelledBy: 't', describedBy: 'd' });
    expect(svg.match(/<svg/g)).toHaveLength(2);
    expect(svg).toContain('stroke-dasharray="4,3"');
    expect(svg).toContain('rupture 2023');
    for (const v of ['100', '110', '90', '40', '50']) expect(svg).toContain(`>${v}</text>`);
    // A: one line for 2021–2022 (the 2023 point stands alone); B: 2021 and 2023 are on two sides of the break.
    const narrow = svg.slice(0, svg.indexOf('</svg>'));
    const paths = [...narrow.matchAll(/<path d="(M[^"]*)"/g)].map((m) => m[1]!);
    expect(paths.filter((d) => d.includes('L'))).toHaveLength(1);
    expect(paths.filter((d) => d.includes('L'))[0]!.split('L')).toHaveLength(2);
    expect(describeSeries(series, 'count', 0)).toBe(
      'Évolution par année, un panneau par territoire. Territoire A : 2021 100, 2022 110, 2023 90 ; Territoire B : 2021 40, 2023 50 ; rupture de série en 2023, les valeurs d’avant et d’après ne se comparent pas.',
    );
  });
});
