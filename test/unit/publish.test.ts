import { describe, expect, it } from 'vitest';
import { findReport, inspectData } from '../../src/data/catalog.ts';
import { validateDatapackageProfile } from '../../src/data/descriptors.ts';
import { publishedCsv, publishedPackage } from '../../src/data/publish.ts';
import { FIXTURE, fixtureRoots } from '../helpers/fixtures.ts';

// The fixture report (test/helpers/fixtures.ts), its latest edition.
const roots = fixtureRoots();
const catalog = inspectData(roots.data, roots.content).catalog!;
const report = findReport(catalog, FIXTURE.id);

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
    expect(lines).toContain('FRM,2023,cap-emploi,100000,5,2000');
    expect(lines).toContain('32,2023,france-travail,20000,66.7,');
    expect(lines).toContain('32,2023,ensemble,30000,,');
    expect(lines).toHaveLength(13);
  });
});
