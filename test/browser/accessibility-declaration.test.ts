import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import { loadDeclaration } from '../../src/accessibility/declaration.ts';
import { failuresByCheck, readResults, RESULTS_FILE } from '../../src/accessibility/results.ts';
import { watchedPage } from '../../src/browser/chromium.ts';
import { typesetText } from '../../src/typography/html.ts';
import { sharedBrowser } from './shared-browser.ts';
import { builtHtml, builtPages, DIST, representativePages } from './site-pages.ts';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();
const axeSource = readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');
const status = loadDeclaration().status;
const declaration = () => parseHTML(builtHtml('/accessibilite/')).document;

describe('the accessibility declaration', () => {
  it('the build wrote the results of its checks, for every page but the generated families, sampled', () => {
    const results = readResults(DIST);
    expect(results, `${RESULTS_FILE} absent de dist/`).toBeDefined();
    expect(results!.pages.map((p) => p.page)).toEqual(representativePages());
    expect(results!.siteTotal).toBe(builtPages().length);
    expect(Number.isNaN(Date.parse(results!.checkedAt))).toBe(false);
  });

  it('shows each check with the numbers of the results file, a failed check as « Échec »', () => {
    const results = readResults(DIST)!;
    const failed = failuresByCheck(results);
    const rows = [...declaration().querySelectorAll('.a11y-checks tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    const total = String(results.pages.length);
    expect(rows).toEqual(
      [failed.axe, failed.reflow, failed.skipLink].map((pages) => [total, String(pages.length), pages.length ? 'Échec' : 'Réussi']),
    );
    expect(declaration().querySelector('[data-checks-not-run]')).toBeNull();
    expect(declaration().querySelector('[data-checked-at]')!.getAttribute('data-checked-at')).toBe(results.checkedAt);
  });

  it('states the status of the configuration, the remedies and a way to report a problem', () => {
    const document = declaration();
    expect(document.querySelector('.a11y-status strong')!.textContent).toBe(status);
    expect(document.querySelector('.a11y-contact, [data-no-contact]')).not.toBeNull();
    expect(document.body.textContent).toContain('Défenseur des droits');
    expect([...document.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'État de conformité',
      'Résultats des tests',
      'Contenus non accessibles',
      'Établissement de cette déclaration',
      'Retour d’information et contact',
      'Voies de recours',
    ]);
  });

  it('every built page’s footer links to it, with the status (chart embeds, alone in another page, have no footer)', () => {
    const missing = builtPages().filter((page) => {
      const { document } = parseHTML(builtHtml(page));
      if (document.body.classList.contains('chart-embed-page')) return false;
      const link = document.querySelector('.site-footer a[href$="/accessibilite/"]');
      // As the typography pass sets it: a no-break space before the colon.
      return link?.textContent !== typesetText(`Accessibilité : ${status}`);
    });
    expect(missing).toEqual([]);
  });

  it('passes axe-core (WCAG 2.1 A and AA) once filled with the results, and reflows at 320 px', async () => {
    const { page: tab, consoleErrors } = await watchedPage(browser());
    await tab.goto(`${baseUrl}/accessibilite/`, { waitUntil: 'networkidle' });
    await tab.evaluate(axeSource);
    const violations = await tab.evaluate(async () => {
      // @ts-expect-error axe is injected above
      const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return result.violations.map((v: { id: string }) => v.id);
    });
    expect(violations).toEqual([]);
    await tab.setViewportSize({ width: 320, height: 800 });
    expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(consoleErrors).toEqual([]);
    await tab.context().close();
  });
});
