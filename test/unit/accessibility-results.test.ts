import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { builtPages, representativePages } from '../../src/accessibility/built-pages.ts';
import { fillResults, resultsHtml } from '../../src/accessibility/render.ts';
import { failuresByCheck, rulesAcrossPages, type AccessibilityResults, type PageResult } from '../../src/accessibility/results.ts';
import { typographyFindings } from '../../src/typography/html.ts';

const clean = (page: string): PageResult => ({ page, axe: { violations: [], incomplete: [], passes: 40 }, reflowWidth: 320, skipLink: true });
const contrast = { id: 'color-contrast', help: 'Elements must meet minimum color contrast ratio thresholds', impact: 'serious', nodes: 2, targets: ['p.faible', 'a.faible'] };

// Obviously fictional pages: the checks' own logic, not the site.
const results: AccessibilityResults = {
  checkedAt: '2000-01-01T09:30:00.000Z',
  tool: { name: 'axe-core', version: '0.0.0-test', tags: ['wcag2a'] },
  browser: 'Chromium 0.0',
  siteTotal: 7,
  pages: [
    clean('/'),
    { ...clean('/graphique-fictif/'), skipLink: null },
    { ...clean('/page-fictive-a/'), axe: { violations: [contrast], incomplete: [{ ...contrast, nodes: 1 }], passes: 39 } },
    { ...clean('/page-fictive-b/'), axe: { violations: [contrast], incomplete: [], passes: 39 }, reflowWidth: 500, skipLink: false },
  ],
};

const PAGE = '<main><div class="a11y-results" data-accessibility-results><p data-checks-not-run>Non exécutés.</p></div><p>Après</p></main>';

describe('results of the automated accessibility checks', () => {
  it('a page fails a check or passes it', () => {
    expect(failuresByCheck(results)).toEqual({ axe: ['/page-fictive-a/', '/page-fictive-b/'], reflow: ['/page-fictive-b/'], skipLink: ['/page-fictive-b/'] });
    expect(rulesAcrossPages(results, 'violations')).toEqual([{ rule: contrast, pages: ['/page-fictive-a/', '/page-fictive-b/'] }]);
  });

  it('the declaration shows each check with its pages passed and failed, and every failed page by name', () => {
    const { document } = parseHTML(fillResults(PAGE, results, '/'));
    expect(document.querySelector('[data-checks-not-run]')).toBeNull();
    const rows = [...document.querySelectorAll('.a11y-checks tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual([
      ['4', '2', 'Échec'],
      ['4', '1', 'Échec'],
      ['4', '1', 'Échec'],
    ]);
    const failed = document.querySelector('[data-rules="violations"]')!;
    expect(failed.textContent).toContain('color-contrast');
    expect([...failed.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['/page-fictive-a/', '/page-fictive-b/']);
    expect(document.querySelector('[data-checked-at]')!.textContent).toContain('1 janvier 2000 à 10:30');
    expect(document.querySelector('[data-checked-at]')!.textContent).toContain('sur 4 pages des 7 du site');
    expect(document.querySelector('main > p:last-child')!.textContent).toBe('Après');
  });

  it('a site that passes everything says « Réussi », links pages under the base path', () => {
    const passing = { ...results, pages: [clean('/'), clean('/autre/')] };
    const { document } = parseHTML(fillResults(PAGE, passing, '/dossier/'));
    expect([...document.querySelectorAll('.a11y-checks tbody td:last-child')].map((td) => td.textContent)).toEqual(['Réussi', 'Réussi', 'Réussi']);
    expect(document.querySelector('[data-rules="violations"]')).toBeNull();
    expect(document.querySelector('a[href="/dossier/accessibilite/resultats.json"]')).not.toBeNull();
    expect(document.querySelector('a[href="/dossier/autre/"]')).not.toBeNull();
  });

  it('is set in French typography', () => {
    expect(typographyFindings(`<html><body>${resultsHtml(results, '/')}</body></html>`, '/accessibilite/')).toEqual([]);
  });

  it('refuses a page without the results element, rather than publishing none', () => {
    expect(() => fillResults('<main></main>', results, '/')).toThrow(/data-accessibility-results/);
  });

  it('lists every HTML page of a built site, not the assets or the search index', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cep-built-'));
    for (const file of ['index.html', 'a/index.html', 'a/b/index.html', '404.html', '_astro/x.html', 'pagefind/y.html', 'a/data.csv']) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), '');
    }
    expect(builtPages(dir)).toEqual(['/', '/404.html', '/a/', '/a/b/']);
  });

  it('samples each family of generated pages by its first and largest page, and keeps every other page', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cep-sample-'));
    const sizes: Record<string, number> = {
      'index.html': 1,
      'r/2000/v1/index.html': 1,
      'r/2000/v1/provenance/a/index.html': 5,
      'r/2000/v1/provenance/b/index.html': 50,
      'r/2000/v1/provenance/c/index.html': 9,
      'r/2000/v1/provenance/indicateurs/x/index.html': 3,
      'r/2000/v1/graphiques/g/index.html': 2,
    };
    for (const [file, size] of Object.entries(sizes)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), 'x'.repeat(size));
    }
    expect(representativePages(dir)).toEqual(['/', '/r/2000/v1/', '/r/2000/v1/graphiques/g/', '/r/2000/v1/provenance/a/', '/r/2000/v1/provenance/b/', '/r/2000/v1/provenance/indicateurs/x/']);
  });
});
