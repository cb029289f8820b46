/**
 * Editions on the built site: every edition keeps its URL and its own figures; the report's
 * plain URL shows the latest; an older edition says so and links to what changed.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import { loadCatalog } from '../../src/data/catalog.ts';
import { builtPages } from './site-pages.ts';

const baseUrl = inject('baseUrl');
const catalog = loadCatalog();

async function page(path: string): Promise<Document> {
  const response = await fetch(`${baseUrl}${path}`);
  expect(response.status, path).toBe(200);
  return parseHTML(await response.text()).document;
}

/** The key figures of the PTP chapter, as readers see them: « label : value ». */
async function ptpFigures(path: string): Promise<string[]> {
  const doc = await page(`${path}projet-de-transition-professionnelle/`);
  return [...doc.querySelectorAll('.key-figures .stat')].map((s) => `${s.querySelector('dt')!.textContent} : ${s.querySelector('dd')!.textContent}`);
}

describe('editions', () => {
  it('every edition of every report is served at its own URL, with its PDF and its data', async () => {
    expect(catalog.editions.map((e) => e.editionId)).toEqual(['normandie/2023/v1', 'normandie/2023/v2', 'occitanie/2020/v1']);
    for (const e of catalog.editions) {
      const home = await page(`/${e.editionId}/`);
      expect(home.querySelector('h1')!.textContent).toBe(e.meta.title);
      expect((await fetch(`${baseUrl}/${e.editionId}/rapport.pdf`)).status).toBe(200);
      const pkg = (await (await fetch(`${baseUrl}/donnees/${e.editionId}/datapackage.json`)).json()) as { version: string };
      expect(pkg.version).toBe(String(e.edition.number));
    }
    // Each edition has all its chapters under its own URL.
    const v1Pages = builtPages().filter((p) => p.startsWith('/normandie/2023/v1/'));
    expect(v1Pages).toHaveLength(15); // its home, 13 chapters and the whole report
  });

  it('the older edition shows its own, older values; the plain URL and the latest edition the corrected ones', async () => {
    const v1 = await ptpFigures('/normandie/2023/v1/');
    const v2 = await ptpFigures('/normandie/2023/v2/');
    expect(v1).toContain("taux d'acceptation publié : 75\u00a0%");
    expect(v1).toContain('part des projets accompagnés par un CEP : 44\u00a0%');
    expect(v2).toContain("taux d'acceptation : 76\u00a0%");
    expect(v2).toContain('part des projets accompagnés par un CEP : 45\u00a0%');
    expect(await ptpFigures('/normandie/2023/')).toEqual(v2);
    const csv = async (path: string) => (await (await fetch(`${baseUrl}${path}`)).text()).trim().split('\n')[1];
    expect(await csv('/donnees/normandie/2023/v1/ptp_files.csv')).toBe('28,2023,1265,964,,75,44');
    expect(await csv('/donnees/normandie/2023/ptp_files.csv')).toBe('28,2023,1265,964,,76,45');
  });

  it('an older edition carries a banner to the latest and to the differences; the latest has none', async () => {
    const old = await page('/normandie/2023/v1/projet-de-transition-professionnelle/');
    const banner = old.querySelector('.edition-banner')!;
    expect(banner.textContent).toMatch(/Ancienne édition\.\s+Vous lisez l'édition v1 de ce rapport, publiée le 22 novembre 2026/);
    expect([...banner.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      '/normandie/2023/projet-de-transition-professionnelle/',
      '/normandie/2023/editions/v1-v2/',
    ]);
    for (const path of ['/normandie/2023/', '/normandie/2023/v2/', '/occitanie/2020/'])
      expect((await page(path)).querySelector('.edition-banner'), path).toBeNull();
    // The explorer holds the latest editions only: an older edition's tables do not link to it.
    const exploreLinks = async (path: string) => [...(await page(path)).querySelectorAll('a')].filter((a) => a.textContent === 'Explorer ces données').length;
    expect(await exploreLinks('/normandie/2023/v1/projet-de-transition-professionnelle/')).toBe(0);
    expect(await exploreLinks('/normandie/2023/v2/projet-de-transition-professionnelle/')).toBeGreaterThan(0);
    // The latest edition's own URL points search engines and citations to the plain URL.
    expect((await page('/normandie/2023/v2/')).querySelector('link[rel="canonical"]')!.getAttribute('href')).toMatch(/\/normandie\/2023\/$/);
  });

  it('the changelog lists every edition, newest first, with what it changed', async () => {
    const doc = await page('/normandie/2023/editions/');
    const headings = [...doc.querySelectorAll('.editions h2')].map((h) => h.textContent!.replace(/\s+/g, ' ').trim());
    expect(headings).toEqual(['Édition v2, publiée le 22 novembre 2026 (dernière édition)', 'Édition v1, publiée le 22 novembre 2026']);
    expect(doc.querySelector('.editions')!.textContent).toContain(catalog.editions[1]!.edition.changes);
  });

  it('the diff page lists the changed values old → new, the rules and the chapter the erratum changed', async () => {
    const doc = await page('/normandie/2023/editions/v1-v2/');
    const rows = [...doc.querySelectorAll('section[aria-labelledby="donnees"] .diff-table tbody tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((c) => c.textContent!.trim()).join(' | '),
    );
    expect(rows).toEqual([
      'Normandie · 2023 | Taux de financement publié (%) | 75 | 76',
      'Normandie · 2023 | Part accompagnée par un opérateur CEP publiée (%) | 44 | 45',
    ]);
    expect(doc.querySelector('section[aria-labelledby="regles"]')!.textContent).toMatch(/\(ptp-funded-rate-2023\) : modifiée ; l’écart de la source qu’elle relevait est corrigé dans cette édition/);
    const chapters = doc.querySelector('section[aria-labelledby="chapitres"]')!;
    expect(chapters.textContent).toMatch(/Le CEP et le projet de transition professionnelle : \d+ paragraphe\(s\) modifié\(s\)/);
    expect([...chapters.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      '/normandie/2023/v1/projet-de-transition-professionnelle/',
      '/normandie/2023/v2/projet-de-transition-professionnelle/',
    ]);
    // No indicator reads ptp_files: none moved.
    expect(doc.querySelector('section[aria-labelledby="indicateurs"]')).toBeNull();
  });

  it('search indexes each report once: its plain URL, not the copies of its editions', () => {
    for (const path of ['/normandie/2023/v1/recours-au-cep/', '/normandie/2023/v2/recours-au-cep/'])
      expect(builtPages()).toContain(path);
    // Pagefind indexes only the pages marked data-pagefind-body: the edition copies are not.
    return Promise.all(
      ['/normandie/2023/v1/recours-au-cep/', '/normandie/2023/recours-au-cep/'].map(async (path) => {
        const marked = (await page(path)).querySelector('[data-pagefind-body]') !== null;
        expect(marked, path).toBe(!path.includes('/v1/'));
      }),
    );
  });
});
