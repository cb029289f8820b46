/**
 * The SVG of each chart type, at both sizes, kept as file snapshots (test/unit/__snapshots__/charts/):
 * a change of layout shows as a diff to review. Dataset charts draw the fixture report's rows,
 * labelled as the site labels them; indicator charts draw obviously fake rows.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { profileBars, yearBars, type DatasetChartOptions, type LabelledRow } from '../../src/charts/dataset-charts.ts';
import { getChart } from '../../src/charts/index.ts';
import { indicatorBars } from '../../src/charts/indicator-bars.ts';
import { renderSvg } from '../../src/charts/render-svg.ts';
import type { ChartSize } from '../../src/charts/sizes.ts';
import type { PlotOptions } from '@observablehq/plot';
import { findReport, findResource, inspectData } from '../../src/data/catalog.ts';
import { labellerFor } from '../../src/data/labels.ts';
import { formatInteger } from '../../src/format/number.ts';
import { FIXTURE, fixtureRoots } from '../helpers/fixtures.ts';

const roots = fixtureRoots();
const catalog = inspectData(roots.data, roots.content).catalog!;
const report = findReport(catalog, FIXTURE.id);

/** A fixture dataset's rows with `<field>_label` beside each code, as <Chart dataset> hands them over. */
function labelledRows(name: string): LabelledRow[] {
  const resource = findResource(report, name);
  const label = labellerFor(catalog, report, resource);
  const fields = resource.descriptor.schema.fields;
  return resource.table.rows.map((r) => ({ ...r, ...Object.fromEntries(fields.map((f) => [`${f.name}_label`, label(f.name, r[f.name], r)])) }));
}

const svgOf = (optionsFor: (size: ChartSize) => PlotOptions) => renderSvg(optionsFor, { labelledBy: 'titre', describedBy: 'alt' }).replaceAll('><', '>\n<');
const profile = (field: string): DatasetChartOptions => ({ field, percent: field === 'share' });
const snapshot = (name: string) => `__snapshots__/charts/${name}.svg`;

const fakeLabels = { 'france-travail': 'France Travail', 'missions-locales': 'Missions locales', 'operateur-regional': 'Opérateur régional', 'cap-emploi': 'Cap emploi', apec: 'APEC', '32': 'Territoire fictif A', '94': 'Territoire fictif B', FRM: 'France métropolitaine' };
const ctx = { year: 2099, territoryLabel: 'Territoire fictif A', territoryIn: 'dans le Territoire fictif A', labels: fakeLabels };

describe('chart snapshots', () => {
  it('entries-by-operator', async () => {
    const rows = [['apec', 10], ['france-travail', 500], ['missions-locales', 200], ['cap-emploi', 100], ['operateur-regional', 190]].map(([operator, n]) => ({ operator, numerator: n, denominator: 1000, value: (n as number) / 10 }));
    await expect(svgOf((size) => getChart('entries-by-operator').plot(rows, ctx, size))).toMatchFileSnapshot(snapshot('entries-by-operator'));
  });

  it('indicator bars by territory (signed values, one missing)', async () => {
    const spec = indicatorBars({ id: 'fake-variation', label: 'Évolution fictive', unit: 'variation', decimals: 1, dimensions: ['territory', 'year'] }, 'territory');
    const rows = [{ territory: '32', value: -10 }, { territory: 'FRM', value: 20 }, { territory: '94', value: null }];
    await expect(svgOf((size) => spec.plot(rows, ctx, size))).toMatchFileSnapshot(snapshot('indicator-bars-by-territory'));
  });

  it('indicator bars by year', async () => {
    const spec = indicatorBars({ id: 'fake-count', label: 'Dossiers fictifs', unit: 'count', decimals: 0, dimensions: ['territory', 'year'] }, 'year');
    const rows = [2097, 2099, 2098].map((year, i) => ({ year, value: 1000 * (i + 1) }));
    await expect(svgOf((size) => spec.plot(rows, ctx, size))).toMatchFileSnapshot(snapshot('indicator-bars-by-year'));
  });

  it('profile-bars, one panel per operator (fixture cep_objectives)', async () => {
    const rows = labelledRows('cep_objectives');
    await expect(svgOf((size) => profileBars.plot(rows, profile('share'), size))).toMatchFileSnapshot(snapshot('profile-bars-panels'));
  });

  it('profile-bars, labels too long beside the bars stand above them', async () => {
    const rows = labelledRows('cep_objectives').map((r) => ({ ...r, category_label: `${String(r.category_label)}, libellé fictif allongé pour passer sur plusieurs lignes` }));
    await expect(svgOf((size) => profileBars.plot(rows, profile('share'), size))).toMatchFileSnapshot(snapshot('profile-bars-long-labels'));
  });

  it('year-bars, one territory (fixture resignation_files)', async () => {
    const rows = labelledRows('resignation_files');
    await expect(svgOf((size) => yearBars.plot(rows, { field: 'files_total', percent: false, fieldTitle: 'Dossiers examinés' }, size))).toMatchFileSnapshot(snapshot('year-bars'));
  });

  it('year-bars, several territories: one panel each', async () => {
    const rows = labelledRows('resignation_files').flatMap((r) => [r, { ...r, territory: '94', territory_label: 'Corse', files_total: Number(r.files_total) * 2 }]);
    await expect(svgOf((size) => yearBars.plot(rows, { field: 'files_total', percent: false }, size))).toMatchFileSnapshot(snapshot('year-bars-panels'));
  });
});

describe('order of the bars', () => {
  const labelsDrawn = (svg: string) => [...parseHTML(`<html><body>${svg}</body></html>`).document.querySelectorAll('svg.chart-wide rect title')].map((t) => t.textContent);

  it('categories without an order of their own: largest first, whatever the order of the rows', () => {
    const rows = labelledRows('cep_objectives').filter((r) => r.operator === 'apec').reverse();
    expect(labelsDrawn(svgOf((size) => profileBars.plot(rows, profile('share'), size)))).toEqual(rows.toSorted((a, b) => Number(b.share) - Number(a.share)).map((r) => `${String(r.category_label)} : ${String(r.share)}\u00a0%`));
  });

  it('ordered categories (age bands) keep the order of their list, catch-all categories go last', () => {
    const age = ([['Moins de 26 ans', 10], ['26 à 44 ans', 50], ['45 ans ou plus', 40]] as const).map(([category_label, share]) => ({ dimension: 'age', category_label, share }));
    expect(labelsDrawn(svgOf((size) => profileBars.plot(age, profile('share'), size)))).toEqual(['Moins de 26 ans : 10\u00a0%', '26 à 44 ans : 50\u00a0%', '45 ans ou plus : 40\u00a0%']);
    const other = ([['autres-objectifs', 'Autres objectifs', 60], ['autre-organisme', 'Un autre organisme', 30], ['fictif', 'Objectif fictif', 40]] as const).map(([category, category_label, share]) => ({ dimension: 'objective', category, category_label, share }));
    expect(labelsDrawn(svgOf((size) => profileBars.plot(other, profile('share'), size)))).toEqual(['Objectif fictif : 40\u00a0%', 'Un autre organisme : 30\u00a0%', 'Autres objectifs : 60\u00a0%']);
  });
});

describe('Lecture sentences generated from the data', () => {
  it('a profile: the first bar drawn, with its year, population and category', () => {
    const rows = labelledRows('cep_objectives');
    // Categories are sorted by their total over the panels; the first panel is the first operator.
    const total = (label: unknown) => rows.filter((r) => r.category_label === label).reduce((s, r) => s + Number(r.share), 0);
    const top = rows.filter((r) => r.operator === rows[0]!.operator).toSorted((a, b) => total(b.category_label) - total(a.category_label))[0]!;
    expect(profileBars.lecture(rows, profile('share'))).toBe(
      `en 2023, ${String(top.share)}\u00a0% des nouvelles entrées en CEP relèvent de « ${String(top.category_label)} » (${String(top.operator_label)}, ${FIXTURE.label}).`,
    );
  });

  it('a yearly count: the latest year, with the field’s title', () => {
    const rows = labelledRows('resignation_files');
    const latest = rows.toSorted((a, b) => Number(b.year) - Number(a.year))[0]!;
    expect(yearBars.lecture(rows, { field: 'files_total', percent: false, fieldTitle: 'Dossiers examinés' })).toBe(`en ${String(latest.year)}, ${formatInteger(Number(latest.files_total))} dossiers examinés (${FIXTURE.label}).`);
  });
});
