import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { getChart } from '../../src/charts/index.ts';
import { renderSvg } from '../../src/charts/render-svg.ts';
import { profileBars, yearBars } from '../../src/charts/dataset-charts.ts';
import type { ChartContext } from '../../src/charts/spec.ts';

// Rows as the indicator returns them for Normandie 2023 (shares from the seed's counts).
const total = 147693;
const rows = [
  ['france-travail', 119549],
  ['missions-locales', 12479],
  ['operateur-regional', 7642],
  ['cap-emploi', 4576],
  ['apec', 3447],
].map(([operator, entries]) => ({ operator, entries, value: (100 * (entries as number)) / total }));
const ctx: ChartContext = {
  year: 2023,
  territoryLabel: 'Normandie',
  labels: { 'france-travail': 'Pôle emploi', 'missions-locales': 'Missions locales', 'operateur-regional': 'Opérateur régional', 'cap-emploi': 'Cap emploi', apec: 'APEC' },
};
const chart = getChart('entries-by-operator');

describe('entries-by-operator chart', () => {
  const svg = renderSvg(chart.plot(rows, ctx), { labelledBy: 'cap', describedBy: 'alt' });
  const { document } = parseHTML(`<html><body>${svg}</body></html>`);
  const root = document.querySelector('svg')!;
  const texts = [...document.querySelectorAll('text')].map((t) => t.textContent);

  it('renders one accessible SVG image, named and described by the figure', () => {
    expect(root.getAttribute('role')).toBe('img');
    expect(root.getAttribute('aria-labelledby')).toBe('cap');
    expect(root.getAttribute('aria-describedby')).toBe('alt');
    expect(document.querySelectorAll('rect')).toHaveLength(5);
  });

  it('labels each bar with its value in French format, so colour carries no information alone', () => {
    for (const label of ['80,9\u00a0%', '8,4\u00a0%', '5,2\u00a0%', '3,1\u00a0%', '2,3\u00a0%']) expect(texts).toContain(label);
    for (const name of Object.values(ctx.labels)) expect(texts).toContain(name);
  });

  it('formats axis ticks with the French formatter', () => {
    expect(texts).toEqual(expect.arrayContaining(['0', '20', '40', '60', '80', '100']));
  });

  it('states the message in its text alternative and Lecture note', () => {
    expect(chart.describe(rows, ctx)).toBe(
      'Normandie, 2023 : Pôle emploi enregistre 80,9\u00a0% des 147\u202f693 nouvelles entrées en CEP ; suivent Missions locales (8,4\u00a0%), Opérateur régional (5,2\u00a0%), Cap emploi (3,1\u00a0%) et APEC (2,3\u00a0%).',
    );
    expect(chart.lecture(rows, ctx)).toBe('en 2023, 80,9\u00a0% des nouvelles entrées en CEP en Normandie ont été enregistrées par Pôle emploi.');
    expect(chart.title(ctx)).toBe('Répartition des nouvelles entrées en CEP par opérateur, Normandie, 2023');
  });

  it('rejects an unknown chart by name', () => {
    expect(() => getChart('camembert')).toThrow('Graphique inconnu « camembert » : attendu entries-by-operator');
  });
});

describe('dataset charts', () => {
  it('year-bars: one labelled bar per year and territory, described year by year', () => {
    const rows = [
      { territory: '28', territory_label: 'Normandie', year: 2022, files: 989 },
      { territory: '28', territory_label: 'Normandie', year: 2023, files: 1147 },
      { territory: '53', territory_label: 'Bretagne', year: 2023, files: null },
    ];
    const options = { field: 'files', percent: false };
    const { document } = parseHTML(`<html><body>${renderSvg(yearBars.plot(rows, options), { labelledBy: 'c', describedBy: 'a' })}</body></html>`);
    expect(document.querySelectorAll('rect')).toHaveLength(2);
    expect([...document.querySelectorAll('text')].map((t) => t.textContent)).toEqual(expect.arrayContaining(['989', '1\u202f147', '2022', '2023']));
    expect(yearBars.describe(rows, options)).toBe('Normandie : 2022 989, 2023 1\u202f147.');
  });

  it('profile-bars: one bar per category and panel, the largest named in the description', () => {
    const rows = [
      { operator: 'apec', operator_label: 'APEC', category_label: 'Trouver un emploi', share: 50 },
      { operator: 'apec', operator_label: 'APEC', category_label: 'Changer de métier', share: 21 },
      { operator: 'cap-emploi', operator_label: 'Cap emploi', category_label: 'Trouver un emploi', share: 94 },
      { operator: 'cap-emploi', operator_label: 'Cap emploi', category_label: 'Changer de métier', share: null },
    ];
    const options = { field: 'share', percent: true };
    const { document } = parseHTML(`<html><body>${renderSvg(profileBars.plot(rows, options), { labelledBy: 'c', describedBy: 'a' })}</body></html>`);
    expect(document.querySelectorAll('rect')).toHaveLength(3);
    expect(profileBars.describe(rows, options)).toBe('APEC : Trouver un emploi en tête (50\u00a0%) ; Cap emploi : Trouver un emploi en tête (94\u00a0%).');
  });
});
