/**
 * The checks run on each built page in Chromium: axe-core's WCAG 2.1 A and AA rules, reflow at
 * 320 CSS px (the width of a 1280 px window zoomed to 400 %), and the skip link as the first
 * Tab stop. The page is loaded once; the viewport shrinks for the reflow check.
 */
import type { Page } from 'playwright-core';
import { AXE_TAGS, REFLOW_WIDTH, WINDOW_WIDTH, type PageResult, type RuleFinding } from './results.ts';

interface AxeRule {
  id: string;
  help: string;
  impact?: string | null;
  nodes: { target: string[] }[];
}

const finding = (r: AxeRule): RuleFinding => ({ id: r.id, help: r.help, impact: r.impact ?? null, nodes: r.nodes.length, targets: r.nodes.slice(0, 3).map((n) => n.target.join(' ')) });

async function axeOnce(tab: Page) {
  return tab.evaluate(async (tags) => {
    // Fonts loaded and a frame laid out: axe reads the rendered text.
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    // @ts-expect-error axe is injected by runAxe
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] });
    return { violations: r.violations as AxeRule[], incomplete: r.incomplete as AxeRule[], passes: (r.passes as unknown[]).length };
  }, AXE_TAGS);
}

async function runAxe(tab: Page, axeSource: string): Promise<PageResult['axe']> {
  // Injected through DevTools, so that the page's CSP stays in force for the page itself.
  await tab.evaluate(axeSource);
  let result = await axeOnce(tab);
  // A violation is confirmed on the same loaded page: a static page fails a rule every time, and
  // on a loaded machine one run once named a link with text as having none (link-name).
  if (result.violations.length > 0) result = await axeOnce(tab);
  return { violations: result.violations.map(finding), incomplete: result.incomplete.map(finding), passes: result.passes };
}

/** Whether the first Tab stop is a working skip link; null where nothing comes before the content to skip (a chart embed). */
async function skipLinkFirst(tab: Page): Promise<boolean | null> {
  const somethingToSkip = await tab.evaluate(() => {
    const main = document.querySelector('main');
    return !main || [...document.body.querySelectorAll('header, nav, a[href], button, input, select, textarea')].some((e) => main.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_PRECEDING);
  });
  if (!somethingToSkip) return null;
  await tab.keyboard.press('Tab');
  return tab.evaluate(() => {
    const link = document.activeElement;
    if (!(link instanceof HTMLAnchorElement) || !link.classList.contains('skip-link')) return false;
    const target = decodeURIComponent(new URL(link.href).hash.slice(1));
    return target !== '' && document.getElementById(target) !== null;
  });
}

async function reflowWidth(tab: Page): Promise<number> {
  await tab.setViewportSize({ width: REFLOW_WIDTH, height: 800 });
  return tab.evaluate(() => document.documentElement.scrollWidth);
}

/** Every check on one page, served at `url`; `page` is its path as the results name it. */
export async function checkPage(tab: Page, url: string, page: string, axeSource: string): Promise<PageResult> {
  await tab.setViewportSize({ width: WINDOW_WIDTH, height: 800 });
  await tab.goto(url, { waitUntil: 'networkidle' });
  const axe = await runAxe(tab, axeSource);
  const skipLink = await skipLinkFirst(tab);
  return { page, axe, skipLink, reflowWidth: await reflowWidth(tab) };
}
