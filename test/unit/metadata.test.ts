import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectData, type Catalog } from '../../src/data/catalog.ts';
import { permanentUrl } from '../../src/citation/citation.ts';
import { dcatCatalogue } from '../../src/metadata/dcat.ts';
import { editionsFeed } from '../../src/metadata/feed.ts';
import { editionDataset } from '../../src/metadata/schema-org.ts';
import { FIXTURE, fixtureRoots } from '../helpers/fixtures.ts';
import { outsideNamespaces, vocabularyOf } from '../helpers/jsonld-offline.ts';

let catalog: Catalog;
beforeAll(() => {
  const roots = fixtureRoots();
  catalog = inspectData(roots.data, roots.content).catalog!;
});

describe('schema.org Dataset of an edition', () => {
  it('expands, offline and in safe mode, to schema.org terms only, with a distribution per file', async () => {
    for (const report of catalog.editions) {
      const ld = editionDataset(report, catalog.territories);
      const { predicates, types } = await vocabularyOf(ld);
      expect(outsideNamespaces([...predicates, ...types])).toEqual([]);
      expect(types).toEqual(new Set(['https://schema.org/Dataset', 'https://schema.org/DataDownload', 'https://schema.org/Organization', 'https://schema.org/AdministrativeArea']));
      expect(predicates).toContain('https://schema.org/distribution');
      // The archive, then each dataset's CSV with labels and its Parquet.
      expect((ld.distribution as unknown[]).length).toBe(1 + 2 * report.resources.size);
      expect(ld.url).toMatch(new RegExp(`/${report.editionId}/$`));
    }
  });

  it('covers the years and territories of its datasets’ rows, not the report’s year and region', () => {
    const ld = editionDataset(catalog.editions.find((e) => e.id === FIXTURE.id)!, catalog.territories);
    // resignation_files holds 2020 to 2023; cep_entries holds France métropolitaine beside the region.
    expect(ld.temporalCoverage).toBe('2020/2023');
    expect(ld.spatialCoverage).toEqual([
      { '@type': 'AdministrativeArea', name: 'France métropolitaine', identifier: 'FRM' },
      { '@type': 'AdministrativeArea', name: 'Hauts-de-France', identifier: '32' },
    ]);
  });

  it('refuses a term outside the vocabulary (safe mode), so the check above can fail', async () => {
    await expect(vocabularyOf({ '@context': { dct: 'http://purl.org/dc/terms/' }, 'dct:title': 'x', titel: 'y' })).rejects.toThrow();
  });
});

describe('DCAT-AP catalogue', () => {
  it('expands to DCAT, DCTERMS, FOAF and VCARD terms only: one dcat:Dataset per dataset and edition, four distributions each', async () => {
    const doc = dcatCatalogue(catalog);
    const { predicates, types } = await vocabularyOf(doc);
    expect(outsideNamespaces([...predicates, ...types])).toEqual([]);
    for (const term of ['http://purl.org/dc/terms/license', 'http://purl.org/dc/terms/spatial', 'http://purl.org/dc/terms/temporal', 'http://purl.org/dc/terms/issued', 'http://www.w3.org/ns/dcat#version', 'http://www.w3.org/ns/dcat#downloadURL'])
      expect(predicates).toContain(term);
    const datasets = catalog.editions.reduce((n, e) => n + e.resources.size, 0);
    expect(doc['dcat:dataset']).toHaveLength(datasets);
    expect(doc['dcat:dataset'].every((d) => d['dcat:distribution'].length === 4)).toBe(true);
  });

  it('gives each dataset the years and territories of its own rows, and none when it has no such column', () => {
    const datasets = dcatCatalogue(catalog)['dcat:dataset'];
    const of = (name: string) => datasets.find((d) => d['@id'].endsWith(`/${FIXTURE.id}/v1/#${name}`))!;
    const location = (code: string, label: string) => ({ '@type': 'dct:Location', 'dct:identifier': code, 'dct:title': { '@value': label, '@language': 'fr' } });
    expect(of('cep_entries')['dct:spatial']).toEqual([location('FRM', 'France métropolitaine'), location('32', 'Hauts-de-France')]);
    expect(of('cep_entries')['dct:temporal']).toMatchObject({ 'dcat:startDate': '2023-01-01', 'dcat:endDate': '2023-12-31' });
    expect(of('resignation_files')['dct:spatial']).toEqual([location('32', 'Hauts-de-France')]);
    expect(of('resignation_files')['dct:temporal']).toMatchObject({ 'dcat:startDate': '2020-01-01', 'dcat:endDate': '2023-12-31' });
    expect(of('reference_population')['dct:temporal']).toMatchObject({ 'dcat:startDate': '2021-01-01', 'dcat:endDate': '2021-12-31' });
    expect(of('categories')).not.toHaveProperty('dct:spatial');
    expect(of('categories')).not.toHaveProperty('dct:temporal');
  });

  it('links a dataset of a later edition to the same dataset of the previous one', () => {
    const doc = dcatCatalogue(catalog);
    const later = doc['dcat:dataset'].find((d) => d['dcat:version'] === '2' && d['dcat:previousVersion']);
    expect(later?.['dcat:previousVersion']).toBe(later!['@id'].replace('/v2/', '/v1/'));
  });
});

describe('Atom feed of editions', () => {
  it('parses, with one entry per released edition, newest first, at its permanent URL', () => {
    const xml = editionsFeed(catalog);
    const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' }).parse(xml).feed;
    const released = catalog.editions.filter((e) => e.edition.released);
    expect(feed.entry).toHaveLength(released.length);
    const ids: string[] = feed.entry.map((e: { id: string }) => e.id);
    expect([...ids].sort()).toEqual(released.map((e) => permanentUrl(e)).sort());
    const dates: string[] = feed.entry.map((e: { updated: string }) => e.updated);
    expect([...dates].sort().reverse()).toEqual(dates);
    const titles = feed.entry.map((e: { title: string | { '#text': string } }) => (typeof e.title === 'string' ? e.title : e.title['#text']));
    expect(titles.some((t: string) => /erratum/.test(t))).toBe(true);
  });
});
