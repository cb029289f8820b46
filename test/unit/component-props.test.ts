/**
 * Every prop of a chapter's component that names something of the data is checked by
 * `npm run validate` (checkChapters, src/chapters/component-props.ts), at the component's line
 * and column, never left to a build stack trace naming the page. On the fixture reports, a
 * chapter added to a copy of the latest edition after its catalog is read.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectData, type Catalog } from '../../src/data/catalog.ts';
import { checkChapters } from '../../src/data/chapters-check.ts';
import { getIndicator } from '../../src/indicators/catalogue.ts';
import { chapterErrors } from '../helpers/chapter-errors.ts';
import { FIXTURE, fixtureRoots, type Roots } from '../helpers/fixtures.ts';

let roots: Roots;
let catalog: Catalog;
let latest: string;

beforeAll(() => {
  roots = fixtureRoots();
  catalog = inspectData(roots.data, roots.content).catalog!;
  const edition = catalog.editions.filter((e) => e.id === FIXTURE.id).at(-1)!;
  latest = path.join(roots.content, 'reports', edition.editionId);
});

afterAll(() => {
  for (const dir of Object.values(roots)) rmSync(dir, { recursive: true, force: true });
});

const errorsOf = (...lines: string[]) => chapterErrors(catalog, roots.content, latest, lines);

describe('the props that name the data are checked at validate', () => {
  it('accepts the fixture chapters as written', () => {
    expect(checkChapters(catalog, roots.content)).toEqual([]);
  });

  it('a <Chart> without indicator, chart or dataset, or with an unknown chart', () => {
    expect(errorsOf('<Chart id="inconnu" />')).toEqual([expect.stringMatching(/^6:1: <Chart> : attribut indicator="…" attendu \(un indicateur de data\/indicators, ou chart="entries-by-operator"/)]);
    expect(errorsOf('Texte.', '', '<Chart chart="inconnu" />')).toEqual([expect.stringMatching(/^8:1: <Chart chart="inconnu"> : graphique inconnu ; attendu chart="entries-by-operator", ou chart="profile-bars" ou "year-bars" avec dataset/)]);
  });

  it('a dataset chart: its chart, dataset, field and where keys', () => {
    expect(errorsOf('<Chart dataset="cep_objectives" />')).toEqual([expect.stringMatching(/^6:1: <Chart chart="">: graphique inconnu ; attendu entries-by-operator, profile-bars, year-bars$/)]);
    expect(errorsOf('<Chart chart="profile-bars" dataset="inconnu" />')).toEqual([expect.stringMatching(/^6:1: Jeu de données « inconnu » inconnu/)]);
    expect(errorsOf('<Chart chart="year-bars" dataset="ptp_files" field="inconnu" />')).toEqual([expect.stringMatching(/^6:1: <Chart dataset="ptp_files">: champ « inconnu » inconnu ; attendu un des/)]);
    expect(errorsOf(`<Chart chart="profile-bars" dataset="cep_objectives" where={{ sexe: 'F' }} />`)).toEqual([expect.stringMatching(/^6:1: <Chart dataset="cep_objectives">: clé « sexe » de where inconnue/)]);
    expect(errorsOf(`<Chart chart="profile-bars" dataset="cep_objectives" where={{ operator: 'inconnu' }} />`)).toEqual([expect.stringMatching(/^6:1: <Chart dataset="cep_objectives">: aucune ligne ne correspond à \{"operator":"inconnu"\}/)]);
  });

  it('an indicator chart: its indicator, dimensions and territories', () => {
    expect(errorsOf('<Chart indicator="inconnu" />')).toEqual([expect.stringMatching(/^6:1: indicateur inconnu « inconnu »/)]);
    expect(errorsOf('<Chart indicator="cep-entries-share" by="inconnu" />')).toEqual([expect.stringMatching(/^6:1: <Chart indicator="cep-entries-share"> : by=« inconnu » n'est pas une dimension/)]);
    expect(errorsOf(`<Chart chart="entries-by-operator" territories={['99']} />`)).toEqual([expect.stringMatching(/^6:1: <Chart chart="entries-by-operator"> : territoire « 99 » inconnu/)]);
  });

  it('a <Value> of a variation across a declared series break: refused at its line, with the break explained', () => {
    const declared = getIndicator('count-variation-yoy').breaks.find((b) => b.where.population?.includes('cep-entries'))!;
    expect(errorsOf(`Les entrées évoluent de <Value indicator="count-variation-yoy" population="cep-entries" year={${declared.year}} />.`)).toEqual([
      expect.stringMatching(new RegExp(`^6:25: <Value indicator="count-variation-yoy"> : valeur non calculée\\. Comparaison refusée entre ${declared.year - 1} et ${declared.year} : rupture de série en ${declared.year} \\(changement de source : ${declared.label}\\)\\. `)),
    ]);
    // The same variation for a series the break does not concern is accepted.
    expect(errorsOf(`Les dossiers évoluent de <Value indicator="count-variation-yoy" population="ptp-files" year={${declared.year}} />.`)).toEqual([]);
  });

  it('the other components: their dataset, field, rule, dimension, required props', () => {
    expect(errorsOf('<DataTable />')).toEqual([expect.stringMatching(/^6:1: <DataTable> : attribut dataset="…" attendu \(jeux de données de l'édition/)]);
    expect(errorsOf('<DataTable dataset="inconnu" />')).toEqual([expect.stringMatching(/^6:1: Jeu de données « inconnu » inconnu/)]);
    expect(errorsOf('Voici <Data dataset="reference_population" field="inconnu" population="actives-15-64" /> actifs.')).toEqual([expect.stringMatching(/^6:7: <Data dataset="reference_population">: champ « inconnu » inconnu/)]);
    expect(errorsOf('<Value />')).toEqual([expect.stringMatching(/^6:1: <Value> : attribut indicator="…" attendu/)]);
    expect(errorsOf('<Discrepancy rule="inconnue" />')).toEqual([expect.stringMatching(/^6:1: <Discrepancy rule="inconnue">: aucun écart connu de ce nom/)]);
    expect(errorsOf('<Category code="45-plus" />')).toEqual([expect.stringMatching(/^6:1: <Category> : attribut dimension="…" attendu/)]);
  });

  it('components inside MDX comments are not rendered, so not checked', () => {
    expect(errorsOf('{/* <DataTable dataset="inconnu" /> */}')).toEqual([]);
  });
});
