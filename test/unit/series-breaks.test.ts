import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/data/catalog.ts';
import { formatIssue, type DataIssue } from '../../src/data/issues.ts';
import { indicatorRows } from '../../src/engine/node.ts';
import { comparisonRefusal, definitionVersionAt, guardRows, variationRefusal } from '../../src/indicators/breaks.ts';
import { findIndicator, inspectIndicators, loadIndicators } from '../../src/indicators/catalogue.ts';
import type { AppliedBreak, IndicatorDefinition } from '../../src/indicators/model.ts';
import { selectOne } from '../../src/indicators/select.ts';
import { FIXTURE, FIXTURE_ROWS, indicatorFixture } from '../helpers/indicator-fixture.ts';

const sourceBreak: AppliedBreak = { id: 'test-source', year: 2024, cause: 'source', label: 'source de test', explanation: 'Explication de test.', where: { population: ['ptp-files'] } };
const definitionBreak: AppliedBreak = { id: 'test-definition', year: 2022, cause: 'definition', label: 'définition de test', explanation: 'Autre explication.', where: {} };
const guarded = (over: Partial<IndicatorDefinition>) => ({ definitionVersion: 1, breaks: [], ...over }) as Pick<IndicatorDefinition, 'breaks' | 'compares' | 'definitionVersion'>;

describe('the comparability guard', () => {
  it('refuses a comparison across a break, in French, with the break and its explanation', () => {
    const indicator = guarded({ breaks: [sourceBreak] });
    expect(comparisonRefusal(indicator, { population: 'ptp-files' }, 2023, 2024)).toBe(
      'Comparaison refusée entre 2023 et 2024 : rupture de série en 2024 (changement de source : source de test). Explication de test.',
    );
    expect(comparisonRefusal(indicator, { population: 'ptp-files' }, 2024, 2020)).toMatch(/^Comparaison refusée entre 2020 et 2024/);
    // Both years on one side of the break, or a series the break does not concern: comparable.
    expect(comparisonRefusal(indicator, { population: 'ptp-files' }, 2024, 2025)).toBeUndefined();
    expect(comparisonRefusal(indicator, { population: 'ptp-files' }, 2021, 2023)).toBeUndefined();
    expect(comparisonRefusal(indicator, { population: 'resignation-files' }, 2023, 2024)).toBeUndefined();
  });

  it('gives each year its definition version and refuses to compare two versions', () => {
    const indicator = guarded({ definitionVersion: 2, breaks: [definitionBreak] });
    expect(definitionVersionAt(indicator, {}, 2021)).toBe(1);
    expect(definitionVersionAt(indicator, {}, 2022)).toBe(2);
    expect(comparisonRefusal(indicator, {}, 2021, 2023)).toMatch(/changement de définition : définition de test/);
    // Both years after the change: one version.
    expect(comparisonRefusal(indicator, {}, 2022, 2023)).toBeUndefined();
  });

  it('drops the rows of a variation that straddle a break, and says why one is asked for', () => {
    const yoy = guarded({ breaks: [sourceBreak], compares: { to: 'year', yearsBefore: 1 } });
    const rows = [
      { population: 'ptp-files', year: 2024, value: 25 },
      { population: 'ptp-files', year: 2025, value: 5 },
      { population: 'resignation-files', year: 2024, value: 20 },
    ];
    expect(guardRows(yoy, rows).map((r) => `${r.population} ${r.year}`)).toEqual(['ptp-files 2025', 'resignation-files 2024']);
    expect(variationRefusal(yoy, { population: 'ptp-files', year: 2024 })).toMatch(/^Comparaison refusée entre 2023 et 2024/);
    const period = guarded({ breaks: [sourceBreak], compares: { from: 'from_year', to: 'to_year' } });
    expect(guardRows(period, [{ population: 'ptp-files', from_year: 2020, to_year: 2025, value: 1 }])).toEqual([]);
  });
});

describe('a variation across a declared series break, on a report', () => {
  let report: Report;
  beforeAll(() => {
    // The catalogue's break of CEP entries (data/indicators) falls between these two years.
    const year = loadIndicators().breaks.find((b) => findIndicator(loadIndicators().indicators, 'count-variation-yoy').breaks.some((a) => a.id === b.id))!.year;
    const entries = (y: number, n: number) => [
      { territory: FIXTURE.code, year: y, operator: 'france-travail', entries: n },
      { territory: FIXTURE.code, year: y, operator: 'apec', entries: n },
    ];
    const fixture = indicatorFixture({ ...FIXTURE_ROWS, cep_entries: [...entries(year - 1, 100), ...entries(year, 150)] });
    const loaded = fixture.load();
    expect(loaded.issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([]);
    report = loaded.report!;
    yearOfBreak = year;
  });
  let yearOfBreak = 0;

  it('is not computed, and a chapter asking for it gets the French explanation', async () => {
    const yoy = findIndicator(loadIndicators().indicators, 'count-variation-yoy');
    const rows = await indicatorRows(report, yoy);
    const entries = { population: 'cep-entries', territory: FIXTURE.code };
    expect(rows.filter((r) => r.population === 'cep-entries')).toEqual([]);
    // Another population, whose source did not change, still has its variation.
    expect(rows.some((r) => r.population === 'ptp-files')).toBe(true);
    expect(() => selectOne(yoy, rows, { ...entries, year: yearOfBreak }, '<Value indicator="count-variation-yoy">')).toThrow(
      new RegExp(`^<Value indicator="count-variation-yoy"> : valeur non calculée\\. Comparaison refusée entre ${yearOfBreak - 1} et ${yearOfBreak} : rupture de série en ${yearOfBreak}`),
    );
    const period = findIndicator(loadIndicators().indicators, 'count-variation');
    expect(() => selectOne(period, [], { ...entries, from_year: yearOfBreak - 1, to_year: yearOfBreak }, 'x')).toThrow(/Comparaison refusée/);
    // The counts themselves are still published, each year on its own.
    const series = await indicatorRows(report, findIndicator(loadIndicators().indicators, 'count-series'));
    expect(series.filter((r) => r.population === 'cep-entries').map((r) => [r.year, r.value])).toEqual([[yearOfBreak - 1, 200], [yearOfBreak, 300]]);
  });
});

describe('breaks in the catalogue: errors located in the file', () => {
  const problems = (file: string, change: (text: string) => string) => {
    const root = mkdtempSync(path.join(tmpdir(), 'cep-breaks-'));
    cpSync(path.resolve('data/indicators'), path.join(root, 'indicators'), { recursive: true });
    const target = path.join(root, 'indicators', file);
    const before = readFileSync(target, 'utf8');
    writeFileSync(target, change(before));
    expect(change(before)).not.toBe(before);
    const issues: DataIssue[] = [];
    inspectIndicators(root, issues);
    return issues.map((i) => formatIssue({ ...i, file: path.basename(i.file) })).join('\n');
  };
  const firstRef = '"breaks": [{ "id": "agora-2023", "where": { "population": "cep-entries" } }]';

  it('an unknown break, an unknown dimension in where, a compared field that is not a dimension', () => {
    expect(problems('series.json', (t) => t.replace(firstRef, firstRef.replace('agora-2023', 'agora-2030')))).toMatch(/^series\.json:\d+:\d+: rupture de série « agora-2030 » inconnue : attendu une des ruptures déclarées .*agora-2023/m);
    expect(problems('series.json', (t) => t.replace(firstRef, firstRef.replace('"population"', '"operator"')))).toMatch(/dimension « operator » inconnue dans « where » : attendu une des dimensions de l'indicateur \(population, territory, year\)/);
    expect(problems('series.json', (t) => t.replace('"compares": { "to": "year", "yearsBefore": 1 }', '"compares": { "to": "annee", "yearsBefore": 1 }'))).toMatch(/« compares\.to » : « annee » n'est pas une dimension/);
  });

  it('a definition change needs a higher definition version; a break declared twice', () => {
    const text = readFileSync('data/indicators/entries.json', 'utf8');
    const declared = text.match(/ {4}\{\n {6}"id": "agora-2023",[\s\S]*?\n {4}\}/)![0];
    expect(problems('entries.json', (t) => t.replace('"cause": "source"', '"cause": "definition"'))).toMatch(/version de définition 1 : l'indicateur a 1 changement\(s\) de définition déclaré\(s\).*au moins 2/);
    expect(problems('entries.json', (t) => t.replace(declared, `${declared},\n${declared}`))).toMatch(/rupture de série « agora-2023 » déjà déclarée/);
    expect(problems('entries.json', (t) => t.replace('"definitionVersion": 1,', ''))).toMatch(/definitionVersion/);
  });
});
