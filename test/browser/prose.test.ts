import { describe, expect, it } from 'vitest';
import { typographyFindings } from '../../src/typography/html.ts';
import { loneFigures } from './lone-figures.ts';
import { builtHtml, builtPages } from './site-pages.ts';

const pages = builtPages();

describe('sentences around figures', () => {
  it('the check sees a figure outside its sentence', () => {
    const html = '<article><p>Les femmes représentent</p>\n<data class="value">62 %</data>\n<p>des personnes</p><p><data class="value">3</data></p></article>';
    expect(loneFigures(html)).toHaveLength(2);
  });

  it.each(pages)('%s: no paragraph is a lone figure, no figure sits between paragraphs', (page) => {
    expect(loneFigures(builtHtml(page))).toEqual([]);
  });
});

describe('French typography', () => {
  it('every built page: zero finding of the typography check (no-break spaces, apostrophes, missing spaces)', () => {
    const findings = pages.flatMap((page) => typographyFindings(builtHtml(page), page));
    expect(findings.map((f) => `${f.page}: ${f.message} : « ${f.excerpt} »`)).toEqual([]);
  });
});
