/**
 * The explorer's indicator comparisons, computed at build time over the fixture reports
 * (fictional): values as the reports' SQL gives them, only axes with two points, one value per
 * row when reports overlap (by the stated rule) and the disagreements said.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectData, type Catalog, type Report } from '../../src/data/catalog.ts';
import { indicatorRows } from '../../src/engine/node.ts';
import { indicatorComparison, mergeSources, type SourceReport } from '../../src/explorer/comparisons.ts';
import type { IndicatorComparison } from '../../src/explorer/comparison-model.ts';
import { comparisonResult, dimensionChoices, NOT_COMPARABLE, resolveState } from '../../src/explorer/comparison-view.ts';
import { parseState, stateToSearch, type IndicatorState } from '../../src/explorer/query.ts';
import { formatValue } from '../../src/format/number.ts';
import { getIndicator } from '../../src/indicators/catalogue.ts';
import type { AppliedBreak } from '../../src/indicators/model.ts';
import { FIXTURE, fixtureRoots, SECOND } from '../helpers/fixtures.ts';

let catalog: Catalog;
let latest: Report[];
const compare = (id: string): Promise<IndicatorComparison> => indicatorComparison(catalog, latest, getIndicator(id));
const source = (r: Report): SourceReport => ({ id: r.id, region: r.region.code, year: r.year, edition: r.edition.number });

beforeAll(() => {
  const roots = fixtureRoots();
  catalog = inspectData(roots.data, roots.content).catalog!;
  latest = catalog.reports;
});

describe('indicator comparisons (build time)', () => {
  it('gathers every report’s rows by their own territory and year, with the values of the reports’ SQL', async () => {
    const c = await compare('cep-entries-total');
    const [first, second] = [FIXTURE, SECOND].map((f) => latest.find((r) => r.id === f.id)!);
    const expected = [...(await indicatorRows(first!, getIndicator('cep-entries-total'))), ...(await indicatorRows(second!, getIndicator('cep-entries-total')))];
    expect(c.rows.map((r) => [r.territory, r.year, r.value]).sort()).toEqual(expected.map((r) => [r.territory, r.year, r.value]).sort());
    // France's figure comes from the fixture region's report, which carries it.
    const france = c.rows.find((r) => r.territory === 'FRM')!;
    expect(c.sources[france.source]).toMatchObject({ report: FIXTURE.id, edition: first!.edition.number, page: `/${first!.editionId}/` });
    expect(c.territories.FRM).toBe('France métropolitaine');
  });

  it('offers only years where two territories have a value, and territories with two years', async () => {
    const entries = await compare('cep-entries-total');
    // FIXTURE's year has its region and France; SECOND's year only its region.
    expect(entries.axes).toEqual({ years: [FIXTURE.year], territories: [], territoriesOverall: false });
    const resignation = await compare('resignation-files');
    expect(resignation.axes.years).toEqual([]);
    expect(resignation.axes.territories).toEqual([FIXTURE.code]);
    expect((await compare('ptp-files')).axes).toEqual({ years: [], territories: [], territoriesOverall: false });
  });

  it('computes the change since the previous year only where that year has a value', async () => {
    const files = await compare('resignation-files');
    expect(files.change).toEqual({ unit: 'variation', title: 'Évolution sur un an' });
    const values = new Map(files.rows.map((r) => [r.year, r.value!]));
    for (const r of files.rows) {
      const previous = values.get(r.year! - 1);
      if (previous === undefined) expect(r.change, String(r.year)).toBeNull();
      else expect(r.change, String(r.year)).toBeCloseTo(100 * (r.value! / previous - 1), 9);
    }
    expect(files.rows.filter((r) => r.change !== null).length).toBe(files.rows.length - 1);
    // A rate changes in points, a variation has no change, nor an indicator without years.
    const rate = await compare('resignation-acceptance-rate');
    expect(rate.change?.unit).toBe('points');
    const rates = new Map(rate.rows.map((r) => [r.year, r.value!]));
    for (const r of rate.rows.filter((x) => rates.has(x.year! - 1))) expect(r.change).toBeCloseTo(r.value! - rates.get(r.year! - 1)!, 9);
    expect((await compare('count-variation-yoy')).change).toBeUndefined();
    const between = await compare('count-variation');
    expect(between.change).toBeUndefined();
    expect(between.rows.every((r) => r.year === undefined && 'from_year' in r.dimensions)).toBe(true);
  });

  it('labels the other dimensions as the source report names them', async () => {
    const c = await compare('cep-entries');
    const row = c.rows.find((r) => r.dimensions.operator === 'operateur-regional' && r.territory === FIXTURE.code)!;
    expect(row.labels.operator).not.toBe('operateur-regional');
  });
});

describe('one value per row when reports overlap', () => {
  const indicator = () => getIndicator('cep-entries-total');
  const rowsOf = (r: Report) => indicatorRows(r, indicator());

  it('takes the latest edition when two editions of a report give the row', async () => {
    const editions = catalog.editions.filter((e) => e.id === FIXTURE.id);
    expect(editions.length).toBeGreaterThan(1);
    const merged = mergeSources(indicator(), await Promise.all(editions.map(async (e) => ({ source: source(e), rows: await rowsOf(e) }))));
    expect(new Set(merged.map((m) => m.source.edition))).toEqual(new Set([Math.max(...editions.map((e) => e.edition.number))]));
    expect(merged.flatMap((m) => m.disagreements)).toEqual([]);
  });

  it('believes the territory’s own report, else the most recent one, and says when another differs', async () => {
    const [own, other] = [FIXTURE, SECOND].map((f) => latest.find((r) => r.id === f.id)!);
    const ownRows = await rowsOf(own!);
    // The other report carrying the same rows with different (doubled, fake) values.
    const copied = ownRows.map((r) => ({ ...r, value: r.value === null ? null : r.value * 2 }));
    const merged = mergeSources(indicator(), [
      { source: source(other!), rows: copied },
      { source: source(own!), rows: ownRows },
    ]);
    expect(merged).toHaveLength(ownRows.length);
    for (const m of merged) {
      // Its own region's row, and France's (the more recent report): both from the fixture region's report.
      expect(m.source.id, String(m.row.territory)).toBe(own!.id);
      expect(m.disagreements).toEqual([{ source: source(other!), value: m.row.value! * 2 }]);
    }
  });

  it('takes a value over a missing one, whatever the order', async () => {
    const [own, other] = [FIXTURE, SECOND].map((f) => latest.find((r) => r.id === f.id)!);
    const ownRows = await rowsOf(own!);
    const missing = ownRows.map((r) => ({ ...r, value: null }));
    const merged = mergeSources(indicator(), [
      { source: source(own!), rows: missing },
      { source: source(other!), rows: ownRows },
    ]);
    expect(merged.map((m) => [m.source.id, m.row.value])).toEqual(ownRows.map((r) => [other!.id, r.value]));
    expect(merged.flatMap((m) => m.disagreements)).toEqual([]);
  });
});

describe('what the explorer shows of a comparison', () => {
  const state = (indicator: string, compare: 'regions' | 'years', at = ''): IndicatorState => ({ mode: 'indicator', indicator, compare, at });

  it('reads a link naming only the indicator, and old links naming their axis as before', () => {
    const ids = ['cep-entries-total'];
    expect(parseState('?indicateur=cep-entries-total', [], ids, '')).toEqual(state('cep-entries-total', 'regions'));
    expect(parseState(`?indicateur=cep-entries-total&comparer=regions&annee=${FIXTURE.year}`, [], ids, '')).toEqual(state('cep-entries-total', 'regions', String(FIXTURE.year)));
    expect(parseState(`?indicateur=cep-entries-total&comparer=years&region=${FIXTURE.code}`, [], ids, '')).toEqual(state('cep-entries-total', 'years', FIXTURE.code));
    expect(stateToSearch(state('cep-entries-total', 'years'), '')).toBe('?indicateur=cep-entries-total&comparer=years');
  });

  it('fills in the axis of a link naming only the indicator, with an axis that has two points', async () => {
    expect(resolveState(await compare('cep-entries-total'), state('cep-entries-total', 'regions'))).toEqual({ state: state('cep-entries-total', 'regions', String(FIXTURE.year)) });
    // No year with two territories: the territory with several years.
    expect(resolveState(await compare('resignation-files'), state('resignation-files', 'regions'))).toEqual({ state: state('resignation-files', 'years', FIXTURE.code) });
  });

  it('explains, in French, an axis with fewer than two points and names those that have two', async () => {
    const entries = await compare('cep-entries-total');
    const year = resolveState(entries, state('cep-entries-total', 'regions', String(SECOND.year)));
    expect(year).toEqual({ problem: expect.stringContaining(`En ${SECOND.year}, moins de deux territoires ont une valeur`) });
    expect('problem' in year && year.problem).toContain(`Années où la comparaison est possible : ${FIXTURE.year}.`);
    const territory = resolveState(entries, state('cep-entries-total', 'years', FIXTURE.code));
    expect('problem' in territory && territory.problem).toContain(`${FIXTURE.label} n’a pas de valeur pour deux années`);
    expect(resolveState(await compare('ptp-files'), state('ptp-files', 'regions'))).toEqual({ problem: expect.stringMatching(/^Aucune comparaison n’est possible/) });
    expect(resolveState(await compare('count-variation'), state('count-variation', 'years'))).toEqual({ problem: expect.stringContaining('compare déjà deux années') });
  });

  it('labels values with the indicator’s precision and keeps the computed value beside them', async () => {
    const shares = await compare('cep-entries-share');
    const result = comparisonResult(shares, state('cep-entries-share', 'regions', String(FIXTURE.year)));
    for (const row of result.rows) expect(row.value_label).toBe(formatValue(row.value as number, 'percent', getIndicator('cep-entries-share').decimals));
    expect(result.rows.some((r) => /,\d\d/.test(String(r.value_label)))).toBe(false);
    expect(result.columns.map((c) => c.name)).toEqual(['territory', 'operator', 'value', 'source']);
    // Several operators per territory: no chart of one bar per territory.
    expect(result.bars).toBeUndefined();
    const totals = comparisonResult(await compare('cep-entries-total'), state('cep-entries-total', 'regions', String(FIXTURE.year)));
    expect(totals.bars?.rows.map((r) => r.territory).sort()).toEqual([FIXTURE.code, 'FRM'].sort());
  });

  it('lets the reader fix another dimension (an operator) among its values, and then draws one bar per territory', async () => {
    const shares = await compare('cep-entries-share');
    const at = state('cep-entries-share', 'regions', String(FIXTURE.year));
    const [operators] = dimensionChoices(shares, at);
    expect(operators?.dimension).toBe('operator');
    const operator = operators!.values[0]!;
    const fixed = comparisonResult(shares, { ...at, choices: { operator: operator[0] } });
    expect(fixed.columns.map((c) => c.name)).toEqual(['territory', 'value', 'source']);
    expect(fixed.caption).toContain(operator[1]);
    expect(fixed.bars?.rows.map((r) => r.territory).sort()).toEqual([FIXTURE.code, 'FRM'].sort());
    // A dimension the indicator does not have is explained; one with a single value is not offered.
    expect(resolveState(shares, { ...at, choices: { population: 'x' } })).toEqual({ problem: expect.stringContaining('ne se détaille pas par population : il se détaille par opérateur') });
    expect(dimensionChoices(await compare('cep-entries-total'), state('cep-entries-total', 'regions', String(FIXTURE.year)))).toEqual([]);
    expect(parseState(`?indicateur=cep-entries-share&d.operator=${operator[0]}`, [], ['cep-entries-share'], '')).toEqual({ ...state('cep-entries-share', 'regions'), choices: { operator: operator[0] } });
  });

  it('shows the change since the previous year only in a comparison of years, never as a column of n.d.', async () => {
    const files = comparisonResult(await compare('resignation-files'), state('resignation-files', 'years', FIXTURE.code));
    expect(files.columns.map((c) => c.name)).toEqual(['year', 'value', 'change', 'source']);
    expect(files.rows[0]!.change_label).toBe('n.d.');
    expect(files.rows[1]!.change_label).toMatch(/^\+/);
    const empty = comparisonResult(await compare('resignation-training-share'), state('resignation-training-share', 'years', FIXTURE.code));
    expect(empty.columns.map((c) => c.name)).not.toContain('change');
  });

  it('names, beside a value, a report that gives another one, and states the rule', async () => {
    const totals = await compare('cep-entries-total');
    const at = state('cep-entries-total', 'regions', String(FIXTURE.year));
    expect(comparisonResult(totals, at).notes).toEqual([]);
    // The same row given differently (a doubled, fake value) by the first source.
    const row = totals.rows.find((r) => r.year === FIXTURE.year && r.value !== null)!;
    const disagreeing = { ...totals, rows: totals.rows.map((r) => (r === row ? { ...r, disagreements: [{ source: 0, value: row.value! * 2 }] } : r)) };
    const result = comparisonResult(disagreeing, at);
    const shown = result.rows.find((r) => r.territory === row.territory)!;
    expect(shown.source).toBe(`${totals.sources[row.source]!.label} (autre valeur : ${totals.sources[0]!.label}, ${formatValue(row.value! * 2, 'count', 0)})`);
    expect(result.notes.map((n) => n.label)).toEqual(['Valeurs différentes']);
    expect(result.notes[0]!.text).toContain('celle du rapport du territoire concerné, sinon celle du rapport le plus récent');
  });

  it('refuses the change across a declared series break, and says why under the comparison of years', async () => {
    const plain = await compare('resignation-files');
    const years = [...new Set(plain.rows.filter((r) => r.territory === FIXTURE.code && r.value !== null).map((r) => r.year!))].sort();
    expect(years.length).toBeGreaterThanOrEqual(2);
    const since = years.at(-1)!;
    const declared: AppliedBreak = { id: 'rupture-test', year: since, cause: 'source', label: 'source de test', explanation: 'Explication de test.', where: {} };
    const broken = await indicatorComparison(catalog, latest, { ...getIndicator('resignation-files'), id: 'resignation-files-rupture', breaks: [declared] });
    const row = (c: IndicatorComparison) => c.rows.find((r) => r.territory === FIXTURE.code && r.year === since)!;
    expect(row(plain).change).not.toBeNull();
    expect(row(broken).change).toBeNull();
    expect(broken.indicator.breaks).toEqual([declared]);
    const shown = comparisonResult(broken, state('resignation-files', 'years', FIXTURE.code));
    expect(shown.rows.find((r) => r.year === since)!.change_label).toBe(NOT_COMPARABLE);
    expect(shown.notes).toEqual([{ label: 'Rupture de série', text: `Rupture de série en ${since} (changement de source : source de test). Explication de test. Aucune évolution n’est calculée d’un côté à l’autre de la rupture.` }]);
    // Without the break: a change, and no note.
    expect(comparisonResult(plain, state('resignation-files', 'years', FIXTURE.code)).notes).toEqual([]);
    // Comparing territories within one year crosses nothing.
    expect(comparisonResult(broken, state('resignation-files', 'regions', String(since))).notes).toEqual([]);
  });
});
