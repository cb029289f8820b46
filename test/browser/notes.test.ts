/**
 * The notes under each table and chart of the latest editions: reader notes speak of tables by
 * their titles, never by dataset, column or rule identifiers; the technical notes of the dataset
 * are all there, folded under one « Notes techniques (n) » line, and only there. Derived from the
 * catalog: whatever reports it holds.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import { identifiersInNote, packageIdentifiers } from '../../src/data/notes-check.ts';
import { typesetText } from '../../src/typography/html.ts';
import { chapterUrls, reportsWithPages } from './catalog-pages.ts';
import { sharedBrowser } from './shared-browser.ts';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

/** Spaces and apostrophes, whichever the source typed (the typography pass decides what readers get). */
const plain = (text: string) => text.replace(/[\s\u00a0\u202f]+/gu, ' ').replace(/[’']/gu, "'").trim();

async function figures(url: string): Promise<Element[]> {
  const response = await fetch(`${baseUrl}${url}`);
  expect(response.status, url).toBe(200);
  return [...parseHTML(await response.text()).document.querySelectorAll('figure[data-dataset]')];
}

describe('notes under tables and charts', () => {
  it.each(reportsWithPages.map((r) => [r.id, r] as const))('%s: reader notes name no identifier; technical notes are folded under one line', async (_, report) => {
    const ids = packageIdentifiers(report.package);
    let withTechnical = 0;
    for (const url of chapterUrls(report, true))
      for (const figure of await figures(url)) {
        const name = figure.getAttribute('data-dataset')!;
        const where = `${url} ${name}`;
        const notes = [...figure.children].find((c) => c.classList.contains('notes'));
        if (!notes) continue; // a chart's table under « Voir les données » leaves the notes to its chart
        const readerNotes = [...notes.querySelectorAll('p')].filter((p) => p.querySelector('.notes-label')?.textContent === 'Note :');
        for (const p of readerNotes) expect(identifiersInNote(p.textContent!, ids).map((f) => f.id), `${where}: ${p.textContent}`).toEqual([]);
        // An indicator's chart names every dataset it reads, and shows their technical notes once.
        const expected = [...new Set(name.split(' ').flatMap((n) => report.resources.get(n)!.descriptor.cep?.technicalNotes ?? []))];
        const folded = notes.querySelectorAll('details[data-role="technical-notes"]');
        if (expected.length === 0) {
          expect(folded.length, where).toBe(0);
          continue;
        }
        withTechnical += 1;
        expect(folded.length, where).toBe(1);
        expect(folded[0]!.hasAttribute('open'), where).toBe(false);
        expect(plain(folded[0]!.querySelector('summary')!.textContent!), where).toBe(`Notes techniques (${expected.length}) sur les données`);
        expect([...folded[0]!.querySelectorAll('li')].map((li) => plain(li.textContent!)), where).toEqual(expected.map((note) => plain(typesetText(note))));
      }
    const declared = [...report.resources.values()].filter((r) => (r.descriptor.cep?.technicalNotes ?? []).length > 0);
    if (declared.length > 0) expect(withTechnical, `${report.id}: no figure shows its technical notes`).toBeGreaterThan(0);
  });

  it('on a phone (390 px), the line that announces technical notes takes one line, and opens on demand', async () => {
    const chapters = reportsWithPages.flatMap((r) => chapterUrls(r, true)); // those without technical notes are skipped below
    const tab = await browser().newPage({ viewport: { width: 390, height: 800 } });
    let checked = 0;
    for (const url of chapters) {
      await tab.goto(`${baseUrl}${url}`);
      // A chart's other territories are prerendered and hidden: their notes are not on screen.
      const summaries = tab.locator('details[data-role="technical-notes"] > summary:visible');
      const count = await summaries.count();
      if (count === 0) continue;
      const lines = await summaries.evaluateAll((all) =>
        all.map((s) => Math.round(s.getBoundingClientRect().height / (parseFloat(getComputedStyle(s).fontSize) * 1.8))),
      );
      expect(lines, url).toEqual(lines.map(() => 1));
      const first = summaries.first();
      const list = first.locator('xpath=following-sibling::ul');
      expect(await list.isVisible(), url).toBe(false);
      await first.click();
      expect(await list.isVisible(), url).toBe(true);
      checked += count;
    }
    await tab.close();
    const declared = reportsWithPages.some((r) => [...r.resources.values()].some((x) => (x.descriptor.cep?.technicalNotes ?? []).length > 0));
    if (declared) expect(checked).toBeGreaterThan(0);
  });
});

