/**
 * The results file of the automated accessibility checks, written by scripts/accessibility.ts
 * over the built site (`<dist>/accessibilite/resultats.json`) and rendered by the declaration.
 * Machine-written only: the declaration never shows a result that is not in it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const RESULTS_FILE = 'accessibilite/resultats.json';

/** One rule of axe-core that a page fails, or that needs a person to decide. */
export interface RuleFinding {
  id: string;
  /** axe-core's own short description (English), kept as the tool wrote it. */
  help: string;
  impact: string | null;
  /** Number of elements of the page concerned. */
  nodes: number;
  /** The CSS selectors of the first few, to find them. */
  targets: string[];
}

/** What the checks found on one page (its URL path under the site root). */
export interface PageResult {
  page: string;
  axe: { violations: RuleFinding[]; incomplete: RuleFinding[]; passes: number };
  /** Width of the page's content at 320 CSS px (WCAG 1.4.10, RGAA 10.11): above 320, it scrolls sideways. */
  reflowWidth: number;
  /**
   * The first Tab stop is the skip link and it leads to an element that exists (RGAA 12.7); null
   * where no header, navigation or control comes before <main> (nothing to skip).
   */
  skipLink: boolean | null;
}

export interface AccessibilityResults {
  /** When the checks ran (ISO 8601, UTC). */
  checkedAt: string;
  tool: { name: 'axe-core'; version: string; tags: string[] };
  browser: string;
  /** Pages of the built site; `pages` holds those checked (representativePages in built-pages.ts). */
  siteTotal: number;
  pages: PageResult[];
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const REFLOW_WIDTH = 320;
/** The window the other checks run in, CSS px: REFLOW_WIDTH is it zoomed to 400 %. */
export const WINDOW_WIDTH = 1280;

/** The checks, each with the pages it failed; a page fails a check or passes it, nothing in between. */
export function failuresByCheck(results: AccessibilityResults): { axe: string[]; reflow: string[]; skipLink: string[] } {
  return {
    axe: results.pages.filter((p) => p.axe.violations.length > 0).map((p) => p.page),
    reflow: results.pages.filter((p) => p.reflowWidth > REFLOW_WIDTH).map((p) => p.page),
    skipLink: results.pages.filter((p) => p.skipLink === false).map((p) => p.page),
  };
}

/** Each rule found on some page, with the pages concerned, most widespread first. */
export function rulesAcrossPages(results: AccessibilityResults, kind: 'violations' | 'incomplete'): { rule: RuleFinding; pages: string[] }[] {
  const byRule = new Map<string, { rule: RuleFinding; pages: string[] }>();
  for (const page of results.pages)
    for (const rule of page.axe[kind]) {
      const entry = byRule.get(rule.id) ?? { rule, pages: [] };
      entry.pages.push(page.page);
      byRule.set(rule.id, entry);
    }
  return [...byRule.values()].sort((a, b) => b.pages.length - a.pages.length || a.rule.id.localeCompare(b.rule.id));
}

/** The results file of a built site, or undefined when the checks did not run. */
export function readResults(outDir: string): AccessibilityResults | undefined {
  const file = path.join(outDir, RESULTS_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as AccessibilityResults) : undefined;
}
