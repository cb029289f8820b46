import { describe, expect, it } from 'vitest';
import { findReport, loadCatalog } from '../../src/data/catalog.ts';
import { validateDatapackageProfile } from '../../src/data/descriptors.ts';
import { publishedCsv, publishedPackage } from '../../src/data/publish.ts';

const catalog = loadCatalog();
const report = findReport(catalog, 'normandie/2023');

describe('published data', () => {
  it('the Data Package of a report is valid against the official v2 profile', () => {
    const pkg = publishedPackage(catalog, report);
    expect(validateDatapackageProfile(pkg), JSON.stringify(validateDatapackageProfile.errors)).toBe(true);
  });

  it('carries the reference lists its foreign keys point to, so any Frictionless tool can resolve them', () => {
    const pkg = publishedPackage(catalog, report);
    const names = pkg.resources.map((r) => r.name);
    expect(names.slice(0, report.resources.size)).toEqual([...report.resources.keys()]);
    for (const r of pkg.resources) {
      expect(r.path).toBe(`${r.name}.csv`);
      for (const fk of r.schema.foreignKeys ?? []) expect(names, `${r.name} → ${fk.reference.resource}`).toContain(fk.reference.resource);
    }
    expect(names).toEqual(expect.arrayContaining(['cep_entries', 'territories', 'operators']));
  });

  it('writes a normalised CSV where a missing value is an empty cell', () => {
    const csv = publishedCsv(report.resources.get('cep_entries')!);
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('territory,year,operator,entries,share_published,reported_gap');
    expect(lines).toContain('FRM,2023,cap-emploi,75011,2.3,2181');
    expect(lines).toContain('28,2023,france-travail,119549,80.9,');
    expect(lines).toContain('28,2023,ensemble,147693,,');
    expect(lines).toHaveLength(13);
  });
});
