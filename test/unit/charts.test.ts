import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { getChart } from '../../src/charts/index.ts';
import { renderSvg } from '../../src/charts/render-svg.ts';
import { profileBars, yearBars } from '../../src/charts/dataset-charts.ts';
import type { BarsContext, ChartContext } from '../../src/charts/spec.ts';
import { indicatorBars } from '../../src/charts/indicator-bars.ts';

// Rows as the indicator cep-entries-share returns them, for fake round counts.
const total = 1000;
const rows = [
  ['france-travail', 612],
  ['missions-locales', 184],
  ['operateur-regional', 101],
  ['cap-emploi', 72],
  ['apec', 31],
].map(([operator, numerator]) => ({ operator, numerator, denominator: total, value: (100 * (numerator as number)) / total }));
// A region whose name takes « dans les », not « en »: sentences place it by its in_label.
const ctx: ChartContext = {
  year: 2024,
  territoryLabel: 'Pays de la Loire',
  territoryIn: 'dans les Pays de la Loire',
  labels: { 'france-travail': 'France Travail', 'missions-locales': 'Missions locales', 'operateur-regional': 'Opérateur régional', 'cap-emploi': 'Cap emploi', apec: 'APEC' },
};
const chart = getChart('entries-by-operator');

describe('entries-by-operator chart', () => {
  const svg = renderSvg((size) => chart.plot(rows, ctx, size), { labelledBy: 'cap', describedBy: 'alt' });
  const { document } = parseHTML(`<html><body>${svg}</body></html>`);
  const root = document.querySelector('svg.chart-wide')!;
  const texts = [...root.querySelectorAll('text')].map((t) => t.textContent);

  it('renders the image at two sizes, each accessible, named and described by the figure', () => {
    expect([...document.querySelectorAll('svg')].map((s) => [s.getAttribute('class')?.split(' ').at(-1), s.getAttribute('width')])).toEqual([
      ['chart-narrow', '320'],
      ['chart-wide', '640'],
    ]);
    for (const s of document.querySelectorAll('svg')) {
      expect(s.getAttribute('role')).toBe('img');
      expect(s.getAttribute('aria-labelledby')).toBe('cap');
      expect(s.getAttribute('aria-describedby')).toBe('alt');
      expect(s.querySelectorAll('rect')).toHaveLength(5);
    }
  });

  it('labels each bar with its value in French format, so colour carries no information alone', () => {
    for (const label of ['61,2\u00a0%', '18,4\u00a0%', '10,1\u00a0%', '7,2\u00a0%', '3,1\u00a0%']) expect(texts).toContain(label);
    for (const name of Object.values(ctx.labels)) expect(texts).toContain(name);
  });

  it('writes the unit on each axis tick (no axis title to collide with the last tick)', () => {
    expect(texts).toEqual(expect.arrayContaining(['0\u00a0%', '100\u00a0%']));
    expect(texts.some((t) => t?.includes('→'))).toBe(false);
  });

  it('states the message in its text alternative and Lecture note', () => {
    expect(chart.describe(rows, ctx)).toBe(
      'Pays de la Loire, 2024 : France Travail enregistre 61,2\u00a0% des 1\u202f000 nouvelles entrées en CEP ; suivent Missions locales (18,4\u00a0%), Opérateur régional (10,1\u00a0%), Cap emploi (7,2\u00a0%) et APEC (3,1\u00a0%).',
    );
    expect(chart.lecture(rows, ctx)).toBe('en 2024, 61,2\u00a0% des nouvelles entrées en CEP dans les Pays de la Loire ont été enregistrées par France Travail.');
    expect(chart.title(ctx)).toBe('Répartition des nouvelles entrées en CEP par opérateur, Pays de la Loire, 2024');
  });

  it('rejects an unknown chart by name', () => {
    expect(() => getChart('camembert')).toThrow('Graphique inconnu « camembert » : attendu entries-by-operator');
  });
});

describe('dataset charts', () => {
  it('year-bars: one labelled bar per year and territory, described year by year', () => {
    const rows = [
      { territory: '53', territory_label: 'Bretagne', year: 2022, files: 989 },
      { territory: '53', territory_label: 'Bretagne', year: 2023, files: 1147 },
      { territory: '52', territory_label: 'Pays de la Loire', year: 2023, files: null },
    ];
    const options = { field: 'files', percent: false };
    const { document } = parseHTML(`<html><body>${renderSvg((size) => yearBars.plot(rows, options, size), { labelledBy: 'c', describedBy: 'a' })}</body></html>`);
    const wide = document.querySelector('svg.chart-wide')!;
    expect(wide.querySelectorAll('rect')).toHaveLength(2);
    expect([...wide.querySelectorAll('text')].map((t) => t.textContent)).toEqual(expect.arrayContaining(['989', '1\u202f147', '2022', '2023', 'n.d.']));
    expect(yearBars.describe(rows, options)).toBe('Bretagne : 2022 989, 2023 1\u202f147.');
  });

  it('profile-bars: one bar per category and panel, the largest named in the description', () => {
    const rows = [
      { operator: 'apec', operator_label: 'APEC', category_label: 'Trouver un emploi', share: 50 },
      { operator: 'apec', operator_label: 'APEC', category_label: 'Changer de métier', share: 21 },
      { operator: 'cap-emploi', operator_label: 'Cap emploi', category_label: 'Trouver un emploi', share: 94 },
      { operator: 'cap-emploi', operator_label: 'Cap emploi', category_label: 'Changer de métier', share: null },
    ];
    const options = { field: 'share', percent: true };
    const { document } = parseHTML(`<html><body>${renderSvg((size) => profileBars.plot(rows, options, size), { labelledBy: 'c', describedBy: 'a' })}</body></html>`);
    expect(document.querySelector('svg.chart-narrow')!.querySelectorAll('rect')).toHaveLength(3);
    expect(profileBars.describe(rows, options)).toBe('APEC : Trouver un emploi en tête (50\u00a0%) ; Cap emploi : Trouver un emploi en tête (94\u00a0%).');
  });
});

describe('charts of any indicator (indicatorBars)', () => {
  const variation = { id: 'count-variation-yoy', label: 'Évolution sur un an', unit: 'variation' as const, decimals: 1, dimensions: ['population', 'territory', 'year'] };
  const byTerritory = [
    { territory: '53', value: 2.14 },
    { territory: '28', value: -3.21 },
    { territory: '52', value: null },
  ];
  const labels = { '53': 'Bretagne', '28': 'Territoire B', '52': 'Pays de la Loire' };
  const spec = indicatorBars(variation, 'territory');
  // What the explorer's comparisons give: indicator bars never place a territory in a sentence.
  const context: BarsContext = { year: 2024, territoryLabel: 'Bretagne', labels };
  const texts = (svg: string) => [...parseHTML(`<html><body>${svg}</body></html>`).document.querySelectorAll('svg.chart-wide text')].map((t) => t.textContent);

  it('one bar per territory, labelled with a signed value, a missing one shown as n.d.', () => {
    const svg = renderSvg((size) => spec.plot(byTerritory, context, size), { labelledBy: 'c', describedBy: 'a' });
    expect(texts(svg)).toEqual(expect.arrayContaining(['+2,1\u00a0%', '\u22123,2\u00a0%', 'n.d.', 'Bretagne', 'Territoire B']));
    expect(spec.title(context)).toBe('Évolution sur un an, par territoire, 2024');
    expect(spec.describe(byTerritory, context)).toBe('Évolution sur un an, 2024. Bretagne : +2,1\u00a0% ; Territoire B : \u22123,2\u00a0%.');
    expect(spec.lecture(byTerritory, context)).toBe('2024, Bretagne : +2,1\u00a0% (évolution sur un an).');
  });

  it('years as vertical bars, left to right', () => {
    const counts = indicatorBars({ ...variation, id: 'ptp-files', label: 'Dossiers déposés', unit: 'count', decimals: 0, dimensions: ['territory', 'year'] }, 'year');
    const svg = renderSvg((size) => counts.plot([{ year: 2023, value: 1147 }, { year: 2022, value: 989 }], context, size), { labelledBy: 'c', describedBy: 'a' });
    expect(texts(svg)).toEqual(expect.arrayContaining(['2022', '2023', '989', '1\u202f147']));
    expect(counts.title(context)).toBe('Dossiers déposés, par année, Bretagne');
  });
});
