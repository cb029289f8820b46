/**
 * The cover of a printed report, from the fixture editions' report.json: what it says of the
 * edition (number, erratum, date, or « en préparation »), the publisher, the licence and the
 * addresses, and how to cite it.
 */
import { describe, expect, it } from 'vitest';
import { inspectData, type Report } from '../../src/data/catalog.ts';
import { citation, coverFacts, editionLabel, LICENCE } from '../../src/print/cover.ts';
import { isErratum } from '../../src/editions/wording.ts';
import { FIXTURE, fixtureRoots } from '../helpers/fixtures.ts';

const roots = fixtureRoots();
const { catalog } = inspectData(roots.data, roots.content);
const edition = (n: number) => catalog!.editions.find((e) => e.id === FIXTURE.id && e.edition.number === n)!;
const at = { online: 'https://rapports-cep.example/hauts-de-france/2023/', permanent: 'https://rapports-cep.example/hauts-de-france/2023/v2/' };
const fact = (report: Report, term: string, addresses = at) => coverFacts(report, addresses).find((f) => f.term === term);

describe('the cover of a printed edition', () => {
  it('calls an edition an erratum when its changelog says so, never the first one', () => {
    expect(isErratum(edition(2).edition)).toBe(true);
    expect(editionLabel(edition(2).edition)).toBe('v2, erratum');
    expect(isErratum(edition(1).edition)).toBe(false);
    expect(editionLabel(edition(1).edition)).toBe('v1');
    expect(isErratum({ number: 1, changes: 'Erratum de test' })).toBe(false);
    expect(isErratum({ number: 3, changes: 'Mise à jour de test : données 2024 ajoutées' })).toBe(false);
  });

  it('gives region, year, publisher, source publication, edition date, licence and address', () => {
    const report = edition(2);
    expect(fact(report, 'Région')?.text).toBe(FIXTURE.label);
    expect(fact(report, 'Année observée')?.text).toBe(String(FIXTURE.year));
    expect(fact(report, 'Éditeur')?.text).toBe(report.meta.author);
    expect(fact(report, 'Publication source')?.text).toBe(report.meta.publication);
    expect(fact(report, 'Cette édition')?.text).toBe('v2, erratum, publiée le 15 janvier 2026');
    expect(fact(report, 'Licence')).toEqual({ term: 'Licence', ...LICENCE });
    expect(fact(report, 'En ligne')).toEqual({ term: 'En ligne', text: at.online, href: at.online });
    expect(fact(report, 'Adresse de cette édition')?.href).toBe(at.permanent);
  });

  it('gives the permanent address once when the copy is the permanent one', () => {
    const permanent = { online: at.permanent, permanent: at.permanent };
    expect(fact(edition(2), 'Adresse de cette édition', permanent)).toBeUndefined();
  });

  it('says an edition in preparation is not published, and cites it as such', () => {
    const draft = { ...edition(2), edition: { ...edition(2).edition, date: undefined, released: false } };
    expect(fact(draft, 'Cette édition')?.text).toBe('v2, erratum, en préparation (non publiée)');
    expect(citation(draft, at)).toContain('édition v2 (en préparation)');
  });

  it('cites the publisher, the title in guillemets, the edition and its permanent address', () => {
    const report = edition(1);
    expect(citation(report, at)).toBe(`${report.meta.author}, «\u00a0${report.meta.title}\u00a0», édition v1 du 15 janvier 2026, ${at.permanent}`);
  });
});
