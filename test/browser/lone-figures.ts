/**
 * Figures that the page shows outside their sentence: a paragraph made of one figure only, or a
 * figure (or a scrap of text) sitting between paragraphs, as MDX renders a component alone on
 * its source line when nothing merges it into the sentence (src/markdown/inline-components.ts).
 */
import { parseHTML } from 'linkedom';

const text = (node: { textContent: string | null }) => (node.textContent ?? '').replace(/\s+/g, ' ').trim();

export function loneFigures(html: string): string[] {
  const { document } = parseHTML(html);
  const found: string[] = [];
  for (const p of document.querySelectorAll('p')) {
    const figures = [...p.querySelectorAll('data.value')];
    if (figures.length === 1 && text(p) === text(figures[0]!)) found.push(`paragraphe réduit à un chiffre : « ${text(p)} »`);
  }
  // Content beside paragraphs, outside any of them: an anonymous block of its own for the browser.
  for (const container of new Set([...document.querySelectorAll('p')].map((p) => p.parentElement))) {
    for (const node of container?.childNodes ?? []) {
      const stray = node.nodeType === 3 ? text(node) : (node as Element).matches?.('data.value') ? text(node) : '';
      if (stray) found.push(`texte hors de sa phrase, entre deux paragraphes : « ${stray.slice(0, 60)} »`);
    }
  }
  return found;
}
