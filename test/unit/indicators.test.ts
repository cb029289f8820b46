import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog, Report } from '../../src/data/catalog.ts';
import { formatIssue, type DataIssue } from '../../src/data/issues.ts';
import { indicatorRows, runIndicator } from '../../src/engine/node.ts';
import { formatValue } from '../../src/format/number.ts';
import { inspectIndicators, loadIndicators } from '../../src/indicators/catalogue.ts';
import { checkIndicators } from '../../src/indicators/check.ts';
import { publishedCatalogue } from '../../src/indicators/publish.ts';
import { selectOne } from '../../src/indicators/select.ts';
import { checkIndicatorSql } from '../../src/indicators/sql-check.ts';
import { FIXTURE, indicatorFixture, type Fixture } from '../helpers/indicator-fixture.ts';

const value = async (report: Report, id: string, selection: Record<string, string | number>) => {
  const indicator = loadIndicators().indicators.find((i) => i.id === id)!;
  return selectOne(indicator, await indicatorRows(report, indicator), selection, id).value;
};

describe('the indicator catalogue (data/indicators)', () => {
  const { indicators, views, breaks } = loadIndicators();

  it('defines at least twenty indicators, each with its label, unit, definition, kinds and SQL', () => {
    expect(indicators.length).toBeGreaterThanOrEqual(20);
    for (const i of indicators) {
      expect(i.label.length, i.id).toBeGreaterThan(5);
      expect(i.definition.length, i.id).toBeGreaterThan(20);
      expect(i.reads.length, i.id).toBeGreaterThan(0);
      expect(i.sql, i.id).toMatch(/\bvalue\b/);
    }
    expect(new Set(indicators.map((i) => i.unit))).toEqual(new Set(['count', 'percent', 'variation', 'points', 'index']));
  });

  it('is published whole, in French, as /donnees/indicateurs.json describes it', () => {
    const published = publishedCatalogue({ indicators, views, breaks });
    expect(published.indicators.map((i) => i.id)).toEqual(indicators.map((i) => i.id));
    expect(published.indicators[0]).toMatchObject({ id: expect.any(String), label: expect.any(String), unit: expect.any(String), definition: expect.any(String), datasets: expect.any(Array), sql: expect.any(String) });
    expect(Object.keys(published.tables)).toContain('ptp_files');
  });

  it('runs in DuckDB: every query parses and has value and its dimensions', async () => {
    expect(await checkIndicatorSql(inspectIndicators())).toEqual([]);
  });
});

describe('catalogue errors, located in the file', () => {
  const broken = (change: (text: string) => string, file = 'ptp.json') => {
    const root = mkdtempSync(path.join(tmpdir(), 'cep-catalogue-'));
    cpSync(path.resolve('data/indicators'), path.join(root, 'indicators'), { recursive: true });
    const target = path.join(root, 'indicators', file);
    const before = readFileSync(target, 'utf8');
    const after = change(before);
    expect(after).not.toBe(before);
    writeFileSync(target, after);
    return root;
  };
  const problems = async (root: string) => {
    const issues: DataIssue[] = [];
    const inspected = inspectIndicators(root, issues);
    if (issues.length === 0) issues.push(...(await checkIndicatorSql(inspected)));
    return issues.map((i) => formatIssue({ ...i, file: path.basename(i.file) }));
  };

  it('an unknown column: DuckDB says which, at the SQL of the indicator', async () => {
    const issues = await problems(broken((t) => t.replace('files_funded::INTEGER AS value', 'files_financed::INTEGER AS value')));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^ptp\.json:\d+:\d+: la requête SQL de « ptp-files-funded » ne s'exécute pas : .*files_financed/);
  });

  it('a table of a kind not declared in « reads »', async () => {
    const issues = await problems(broken((t) => t.replace('"reads": ["ptp-files"],\n      "dimensions": ["territory", "year"],\n      "sql": [\n        "SELECT territory, year, files::INTEGER AS value",\n        "FROM ptp_files"', '"reads": ["resignation-files"],\n      "dimensions": ["territory", "year"],\n      "sql": [\n        "SELECT territory, year, files::INTEGER AS value",\n        "FROM ptp_files"')));
    expect(issues.join('\n')).toMatch(/lit la table « ptp_files », qui n'est pas une table des jeux de données déclarés dans « reads » \(resignation_files\)/);
  });

  it('a dimension the result lacks, a published column missing, an unknown unit, a duplicate id', async () => {
    expect((await problems(broken((t) => t.replace('"dimensions": ["territory", "year"],\n      "sql": [\n        "SELECT territory, year, files::INTEGER', '"dimensions": ["territory", "year", "operator"],\n      "sql": [\n        "SELECT territory, year, files::INTEGER')))).join('\n')).toMatch(
      /le résultat de « ptp-files » n'a pas de colonne « operator » \(colonnes : territory, year, value\)/,
    );
    expect((await problems(broken((t) => t.replace('"  funded_rate_published::DOUBLE AS published",', '"  funded_rate_published::DOUBLE AS printed",')))).join('\n')).toMatch(/n'a pas de colonne « published »/);
    expect((await problems(broken((t) => t.replace('"unit": "count"', '"unit": "effectif"')))).join('\n')).toMatch(/^ptp\.json:\d+:\d+: catalogue des indicateurs : « \/indicators\/0\/unit » : valeur attendue parmi : count, percent/m);
    expect((await problems(broken((t) => t.replace('"id": "ptp-files-funded"', '"id": "ptp-files"')))).join('\n')).toMatch(/indicateur « ptp-files » déjà défini/);
  });

  it('a published field that no kind read has', async () => {
    expect((await problems(broken((t) => t.replace('"published": { "field": "funded_rate_published" }', '"published": { "field": "rate_published" }')))).join('\n')).toMatch(
      /champ publié « rate_published » absent des jeux de données lus \(ptp-files\)/,
    );
  });
});

describe('indicators on a report added with the editor commands (fake figures)', () => {
  let fixture: Fixture;
  let catalog: Catalog;
  let report: Report;
  beforeAll(() => {
    fixture = indicatorFixture();
    const loaded = fixture.load();
    expect(loaded.issues.filter((i) => i.severity === 'error').map(formatIssue)).toEqual([]);
    catalog = loaded.catalog!;
    report = loaded.report!;
  });

  it('entries: total, by operator, shares from the counts, weight in France métropolitaine, recourse rate', async () => {
    const here = { territory: FIXTURE.code, year: FIXTURE.year };
    expect(await value(report, 'cep-entries-total', here)).toBe(1000);
    expect(await value(report, 'cep-entries', { ...here, operator: 'apec' })).toBe(100);
    expect(await value(report, 'cep-entries-share', { ...here, operator: 'france-travail' })).toBeCloseTo(60, 12);
    const shares = await runIndicator(report, 'cep-entries-share', here);
    expect(shares.map((r) => r.operator)).toEqual(['france-travail', 'missions-locales', 'apec', 'operateur-regional', 'cap-emploi']);
    expect(shares.reduce((s, r) => s + (r.value ?? 0), 0)).toBeCloseTo(100, 9);
    expect(await value(report, 'cep-entries-national-weight', here)).toBeCloseTo(5, 12); // 1 000 / 20 000
    expect(await value(report, 'cep-recourse-rate', here)).toBeCloseTo(10, 12); // 1 000 / 10 000
    expect((await runIndicator(report, 'cep-recourse-rate', here))[0]!.population_year).toBe(2021);
  });

  it('PTP and démission-reconversion rates, and their change in points', async () => {
    const at = (year: number) => ({ territory: FIXTURE.code, year });
    expect(await value(report, 'ptp-funded-rate', at(2024))).toBeCloseTo(80, 12);
    expect(await value(report, 'ptp-cep-share', at(2023))).toBeCloseTo(50, 12);
    expect(await value(report, 'ptp-cep-share-change', at(2024))).toBeCloseTo(10, 12);
    expect(await value(report, 'ptp-funded-rate-change', at(2024))).toBeCloseTo(5, 12);
    expect(await value(report, 'resignation-acceptance-rate', at(2024))).toBeCloseTo(80, 12);
    expect(await value(report, 'resignation-acceptance-rate-change', at(2024))).toBeCloseTo(-10, 12);
    expect(await value(report, 'resignation-creation-share', at(2024))).toBeCloseTo(50, 12);
    expect(await value(report, 'resignation-refusal-rate', at(2024))).toBeCloseTo(20, 12);
  });

  it('year-on-year variation, over a period and as an index, for any count series', async () => {
    const ptp = { population: 'ptp-files', territory: FIXTURE.code };
    expect(await value(report, 'count-variation-yoy', { ...ptp, year: 2024 })).toBeCloseTo(25, 12);
    expect(await value(report, 'count-variation', { ...ptp, from_year: 2023, to_year: 2024 })).toBeCloseTo(25, 12);
    expect(await value(report, 'count-index', { ...ptp, from_year: 2023, to_year: 2024 })).toBeCloseTo(125, 12);
    expect(await value(report, 'count-variation-yoy', { population: 'resignation-files-refused', territory: FIXTURE.code, year: 2024 })).toBeCloseTo(140, 12);
    expect(formatValue(await value(report, 'count-variation-yoy', { ...ptp, year: 2024 }), 'variation')).toBe('+25,0\u00a0%');
  });

  it('a profile share from the counts, checked against the printed share', async () => {
    expect(await value(report, 'profile-share', { territory: FIXTURE.code, year: FIXTURE.year, population: 'cep-entries', operator: 'ensemble', dimension: 'sex', category: 'F' })).toBeCloseTo(60, 12);
  });

  it('a value the source does not give stays missing: no training count, no share', async () => {
    expect(await value(report, 'resignation-training-share', { territory: FIXTURE.code, year: 2023 })).toBeNull();
    expect(await value(report, 'cep-entries-reported-gap', { territory: FIXTURE.code, year: FIXTURE.year, operator: 'apec' })).toBeNull();
  });

  it('every printed figure agrees with its indicator: no error', async () => {
    expect((await checkIndicators(catalog, fixture.root)).map(formatIssue)).toEqual([]);
  });

  it('a printed figure that disagrees with the counts is an error at its cell, naming the indicator', async () => {
    const wrong = indicatorFixture();
    wrong.fill('ptp_files', [
      { territory: '53', year: 2023, files: 200, files_funded: 150, files_with_cep: 100 },
      { territory: '53', year: 2024, files: 250, files_funded: 200, files_with_cep: 150, funded_rate_published: 75, cep_rate_published: 60 },
    ]);
    const issues = (await checkIndicators(wrong.load().catalog!, wrong.root)).map(formatIssue);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(
      /ptp_files\.csv:3:6: le chiffre publié 75 \(funded_rate_published, territory=53, year=2024\) ne correspond pas à l'indicateur « ptp-funded-rate » calculé à partir des effectifs : 80,000\u00a0% \(200 \/ 250\) ; corrigez la saisie, ou, si la source se contredit, déclarez l'écart/,
    );
  });

  it('selecting a row that does not exist lists what exists', async () => {
    const indicator = loadIndicators().indicators.find((i) => i.id === 'cep-entries-share')!;
    expect(() => selectOne(indicator, [], { territory: '53', year: 2024, operator: 'pole-emploi' }, '<Value>')).toThrow(/0 valeur\(s\)/);
    const rows = await indicatorRows(report, indicator);
    expect(() => selectOne(indicator, rows, { territory: '53', year: 2024, operator: 'pole-emploi' }, '<Value indicator="cep-entries-share">')).toThrow(
      /<Value indicator="cep-entries-share"> : 0 valeur\(s\) pour territory=« 53 », year=« 2024 », operator=« pole-emploi », une seule attendue ; valeurs possibles — territory : 53, FRM ; year : 2024 ; operator : france-travail, missions-locales, apec, operateur-regional, cap-emploi/,
    );
  });
});
