import { describe, expect, it } from 'vitest';
import { findReport, loadCatalog } from '../../src/data/catalog.ts';
import { runIndicator } from '../../src/engine/node.ts';
import { formatInteger, formatPercent } from '../../src/format/number.ts';
import { bindParams, getIndicator } from '../../src/indicators/definitions.ts';

const report = findReport(loadCatalog(), 'normandie/2023');

describe('indicator SQL on the Normandie 2023 data (values of the seed report)', () => {
  it('total entries: 147 693 in Normandie, 3 238 520 in France métropolitaine', async () => {
    expect(await runIndicator(report, 'cep-entries-total', { territory: '28', year: 2023 })).toEqual([{ value: 147693 }]);
    expect(await runIndicator(report, 'cep-entries-total', { territory: 'FRM', year: 2023 })).toEqual([{ value: 3238520 }]);
  });

  it('share of each operator, from the counts: Pôle emploi 119 549 = 80,9 %', async () => {
    const rows = await runIndicator(report, 'cep-entries-share', { territory: '28', year: 2023 });
    expect(rows.map((r) => r.operator)).toEqual(['france-travail', 'missions-locales', 'operateur-regional', 'cap-emploi', 'apec']);
    const pe = rows[0]!;
    expect(pe.entries).toBe(119549);
    expect(pe.value).toBeCloseTo((100 * 119549) / 147693, 12);
    expect(formatInteger(pe.entries as number)).toBe('119\u202f549');
    expect(formatPercent(pe.value)).toBe('80,9\u00a0%');
    expect(rows.reduce((s, r) => s + (r.value ?? 0), 0)).toBeCloseTo(100, 9);
  });

  it('every computed share rounds to the share printed in the report', async () => {
    const table = report.resources.get('cep_entries')!.table;
    for (const territory of ['28', 'FRM']) {
      const rows = await runIndicator(report, 'cep-entries-share', { territory, year: 2023 });
      for (const row of rows) {
        const published = table.rows.find((r) => r.territory === territory && r.operator === row.operator)!.share_published;
        expect(formatPercent(row.value), `${territory} ${row.operator}`).toBe(formatPercent(published as number));
      }
    }
  });

  it('a gap the network did not report stays missing, not zero', async () => {
    const rows = await runIndicator(report, 'cep-entries-reported-gap', { territory: 'FRM', year: 2023 });
    expect(Object.fromEntries(rows.map((r) => [r.operator, r.value]))).toEqual({
      apec: null,
      'cap-emploi': 2181,
      'france-travail': null,
      'missions-locales': null,
      'operateur-regional': 15374,
    });
  });

  it('binds parameters instead of splicing them into the SQL', async () => {
    const hostile = "28' OR '1'='1";
    // Spliced, this would sum every territory; bound, it matches none.
    expect(await runIndicator(report, 'cep-entries-total', { territory: hostile, year: 2023 })).toEqual([{ value: null }]);
  });

  it('names a missing parameter or an unknown indicator', () => {
    expect(() => bindParams(getIndicator('cep-entries-total'), { year: 2023 })).toThrow('Indicateur « cep-entries-total » : paramètre « territory » manquant');
    expect(() => getIndicator('taux-de-recours')).toThrow('Indicateur inconnu « taux-de-recours »');
  });
});
