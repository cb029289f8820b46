import { beforeAll, describe, expect, it } from 'vitest';
import { inspectData, type Report } from '../../src/data/catalog.ts';
import { bibtexOf, chartCitationTarget, citationOf } from '../../src/citation/citation.ts';
import { FIXTURE, fixtureRoots } from '../helpers/fixtures.ts';

let editions: Report[];
beforeAll(() => {
  const roots = fixtureRoots();
  editions = inspectData(roots.data, roots.content).catalog!.editions.filter((e) => e.id === FIXTURE.id);
});

describe('citationOf', () => {
  it('cites an edition at its permanent URL, in ISO 690 French, with the publisher in capitals', () => {
    const v1 = editions[0]!;
    const c = citationOf({ report: v1 });
    expect(c.url).toMatch(new RegExp(`/${FIXTURE.id}/v1/$`));
    expect(`${c.text.before}${c.text.title}${c.text.after}`).toBe(
      'JEU D’ESSAI DES TESTS AUTOMATIQUES (TEST/FIXTURES/REPORTS). [FIXTURE DE TEST] Rapport fictif 2023 sur le CEP en Hauts-de-France [en ligne]. ' +
        `Édition v1. Jeu d’essai des tests automatiques (test/fixtures/reports), 15 janvier 2026. Disponible à l’adresse : ${c.url}.`,
    );
  });

  it('cites the latest edition at its own permanent URL, not at the report’s plain URL', () => {
    const latest = editions.at(-1)!;
    expect(latest.edition.latest).toBe(true);
    expect(citationOf({ report: latest }).url).toMatch(new RegExp(`/${latest.editionId}/$`));
  });

  it('cites a chapter inside its report, with its own URL and file name', () => {
    const v2 = editions[1]!;
    const c = citationOf({ report: v2, item: { title: 'Un chapitre fictif', path: 'chapitre-fictif/', slug: 'chapitre-fictif', type: 'chapter' } });
    expect(c.text.before).toMatch(/\. Un chapitre fictif\. In : $/);
    expect(c.text.title).toBe(v2.meta.title);
    expect(c.url).toMatch(new RegExp(`/${v2.editionId}/chapitre-fictif/$`));
    expect(c.fileName).toBe(`${FIXTURE.slug}-${FIXTURE.year}-v2-chapitre-fictif`);
    expect(c.csl).toMatchObject({ type: 'chapter', 'container-title': v2.meta.title, version: '2', language: 'fr' });
  });

  it('cites a chart as a figure of its report, at its embed page, in BibTeX too', () => {
    const v2 = editions[1]!;
    const c = citationOf(chartCitationTarget(v2, 'graphique-fictif', 'Un graphique fictif, 2023'));
    expect(c.text.before).toMatch(/\. Un graphique fictif, 2023\. In : $/);
    expect(c.url).toMatch(new RegExp(`/${v2.editionId}/graphiques/graphique-fictif/$`));
    expect(c.fileName).toBe(`${FIXTURE.slug}-${FIXTURE.year}-v2-graphique-graphique-fictif`);
    expect(c.csl).toMatchObject({ type: 'figure', 'container-title': v2.meta.title, version: '2' });
    const bibtex = bibtexOf(c.csl);
    expect(bibtex).toContain(`url = {${c.url}}`);
    expect(bibtex.match(/\ttitle = \{(.*)\},\n/)![1]!.replace(/[{}]/g, '')).toBe('Un graphique fictif, 2023');
  });

  it('derives the BibTeX from the CSL-JSON: same key, title, URL, version and date', () => {
    const v1 = editions[0]!;
    const c = citationOf({ report: v1 });
    const bibtex = bibtexOf(c.csl);
    expect(bibtex).toMatch(new RegExp(`^@report\\{${c.csl['citation-key']},`));
    // BibTeX protects capitals with braces: the title is the same once they are removed.
    expect(bibtex.match(/\ttitle = \{(.*)\},\n/)![1]!.replace(/[{}]/g, '')).toBe(v1.meta.title);
    expect(bibtex).toContain(`url = {${c.url}}`);
    expect(bibtex).toContain('version = {1}');
    expect(bibtex).toContain(`date = {${v1.edition.date}}`);
  });

  it('says « sans date » for an edition not released yet, rather than inventing one', () => {
    const draft = { ...editions[0]!, edition: { ...editions[0]!.edition, date: undefined } };
    const c = citationOf({ report: draft });
    expect(c.text.after).toContain('[s. d.]');
    expect(c.csl.issued).toBeUndefined();
  });
});
