import { describe, expect, inject, it } from 'vitest';
import { chartProblems } from './chart-checks.ts';
import { sharedBrowser } from './shared-browser.ts';
import { builtHtml, builtPages } from './site-pages.ts';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();
/** Every built page with a chart in its HTML (report chapters, whole reports, region pages…). */
const pagesWithCharts = builtPages().filter((page) => builtHtml(page).includes('class="chart"'));

describe('every chart of every page', () => {
  it('there are charts to check', () => {
    expect(pagesWithCharts.length).toBeGreaterThan(0);
  });

  it.each([390, 1280])(
    'at %i px: one size shown, no text outside the drawing or over another, none below 11 px, a Lecture sentence',
    async (width) => {
      const context = await browser().newContext({ viewport: { width, height: 900 } });
      const tab = await context.newPage();
      const problems: string[] = [];
      for (const page of pagesWithCharts) {
        await tab.goto(`${baseUrl}${page}`);
        problems.push(...(await tab.evaluate(chartProblems, 11)).map((p) => `${page} ${p}`));
      }
      await context.close();
      expect(problems).toEqual([]);
    },
  );

  it('without JavaScript, a phone shows the narrow drawing and a wide screen the wide one', async () => {
    const page = pagesWithCharts[0]!;
    for (const [width, shown] of [[390, 'chart-narrow'], [1280, 'chart-wide']] as const) {
      const context = await browser().newContext({ viewport: { width, height: 900 }, javaScriptEnabled: false });
      const tab = await context.newPage();
      await tab.goto(`${baseUrl}${page}`);
      const visible = await tab.$$eval('figure.chart .chart-svg > svg', (svgs) => svgs.filter((s) => s.getBoundingClientRect().width > 0).map((s) => s.classList.contains('chart-narrow') ? 'chart-narrow' : 'chart-wide'));
      await context.close();
      expect(visible.length).toBeGreaterThan(0);
      expect(new Set(visible)).toEqual(new Set([shown]));
    }
  });
});
