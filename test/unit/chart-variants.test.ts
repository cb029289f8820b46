/**
 * The variants of a chart a reader can choose (components/chart-variants.ts), on the fixture
 * report, and the CSS that shows the checked one: a rule for every position it may have.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getChart } from '../../src/charts/index.ts';
import { MAX_VARIANTS, chartVariants, type VariantRequest } from '../../src/components/chart-variants.ts';
import { findReport, inspectData } from '../../src/data/catalog.ts';
import { indicatorRows } from '../../src/engine/node.ts';
import { getIndicator } from '../../src/indicators/catalogue.ts';
import type { Selection } from '../../src/indicators/select.ts';
import { FIXTURE, fixtureRoots } from '../helpers/fixtures.ts';

const roots = fixtureRoots();
const catalog = inspectData(roots.data, roots.content).catalog!;
const report = findReport(catalog, FIXTURE.id);
const indicator = getIndicator(getChart('entries-by-operator').indicator);

async function request(codes: string[], by = 'operator'): Promise<VariantRequest> {
  const fixed: Selection = by === 'territory' ? { year: FIXTURE.year } : { territory: FIXTURE.code, year: FIXTURE.year };
  return { catalog, report, indicator, by, fixed, all: await indicatorRows(report, indicator), labels: {}, dimension: 'territory', codes, what: '<Chart chart="entries-by-operator">' };
}

describe('chart variants', () => {
  it('one per territory, in the editor’s order, each with its own rows and caption context', async () => {
    const { legend, variants } = chartVariants(await request([FIXTURE.code, 'FRM']));
    expect(legend).toBe('Territoire affiché');
    expect(variants.map((v) => [v.key, v.label, v.ctx.territoryLabel, v.ctx.territoryIn, v.selection.territory])).toEqual([
      [FIXTURE.code, FIXTURE.label, FIXTURE.label, FIXTURE.inLabel, FIXTURE.code],
      ['FRM', 'France métropolitaine', 'France métropolitaine', 'en France métropolitaine', 'FRM'],
    ]);
    // The Lecture sentence places the territory with its own preposition.
    expect(getChart('entries-by-operator').lecture(variants[0]!.rows, variants[0]!.ctx)).toContain(`des nouvelles entrées en CEP ${FIXTURE.inLabel} ont été`);
    for (const v of variants) {
      expect(v.rows.length).toBeGreaterThan(0);
      expect(new Set(v.rows.map((r) => r.territory))).toEqual(new Set([v.key]));
    }
  });

  it('leaves out a later territory with no value in the edition, and names it; the first must have values', async () => {
    const all = await indicatorRows(report, indicator);
    const empty = [...catalog.territories.keys()].find((code) => code !== FIXTURE.code && !all.some((r) => r.territory === code))!;
    const { variants, absent } = chartVariants(await request([FIXTURE.code, empty, 'FRM']));
    expect(variants.map((v) => v.key)).toEqual([FIXTURE.code, 'FRM']);
    expect(absent).toEqual([catalog.territories.get(empty)!.label]);
    await expect(request([empty, FIXTURE.code]).then(chartVariants)).rejects.toThrow(/aucune valeur dans/);
  });

  it('refuses more territories than the CSS can show, and a switch the indicator cannot honour', async () => {
    const codes = [...catalog.territories.keys()].slice(0, MAX_VARIANTS + 1);
    expect(codes.length).toBe(MAX_VARIANTS + 1);
    await expect(request(codes).then(chartVariants)).rejects.toThrow(`${MAX_VARIANTS + 1} territoires au choix, au plus ${MAX_VARIANTS}`);
    await expect(request([FIXTURE.code, 'FRM'], 'territory').then(chartVariants)).rejects.toThrow(/n'a pas de territoire à fixer .* retirez l'attribut territories/);
    await expect(request([FIXTURE.code, '99']).then(chartVariants)).rejects.toThrow(/territoire « 99 » inconnu/);
  });

  it('chart-switch.css shows the variant of every position up to MAX_VARIANTS', () => {
    const css = readFileSync('src/styles/chart-switch.css', 'utf8');
    for (let k = 2; k <= MAX_VARIANTS; k++) expect(css).toContain(`label:nth-of-type(${k}) > input:checked) [data-variant-index="${k}"]`);
    expect(css).not.toContain(`nth-of-type(${MAX_VARIANTS + 1})`);
  });
});
