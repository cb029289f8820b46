import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { glossaryLinks, readGlossary, termMatcher, type GlossaryTerm } from '../../src/markdown/glossary-links.ts';

// Fictional terms: the plugin's behaviour, whatever the real glossary holds.
const terms: GlossaryTerm[] = [
  { id: 'zz', term: 'ZZ' },
  { id: 'zz-sante', term: 'ZZ Santé' },
  { id: 'pole', term: 'Pôle fictif', aliases: ['Ancien pôle'] },
];
const plugin = glossaryLinks({ terms, base: '/base/' });
// The results are promises when a plugin is asynchronous: awaited whatever they are.
const html = async (markdown: string) => (await markdownToHtml(markdown, { hastPlugins: [plugin] })).html.trim();
const link = (id: string, text: string) => `<a href="/base/glossaire/#${id}" class="glossary-link" data-glossary="${id}">${text}</a>`;

describe('glossary links in the chapters', () => {
  it('links the first occurrence of each term only, to its entry under the base path', async () => {
    expect(await html('Le ZZ et le ZZ.\n\nEncore ZZ.')).toBe(`<p>Le ${link('zz', 'ZZ')} et le ZZ.</p>\n<p>Encore ZZ.</p>`);
  });

  it('starts again in each chapter', async () => {
    expect(await html('Le ZZ.')).toContain(link('zz', 'ZZ'));
    expect(await html('Le ZZ.')).toContain(link('zz', 'ZZ'));
  });

  it('prefers the longest form, links aliases to their term, and matches whole words only', async () => {
    const out = await html('ZZ Santé, puis ZZ ; l’Ancien pôle ; le SI-ZZ, ZZX et XZZ ne sont pas le terme.');
    expect(out).toContain(link('zz-sante', 'ZZ Santé'));
    expect(out).toContain(`puis ${link('zz', 'ZZ')}`);
    expect(out).toContain(link('pole', 'Ancien pôle'));
    expect(out).toContain('le SI-ZZ, ZZX et XZZ');
  });

  it('never links inside a heading, a link or code, and links the next occurrence instead', async () => {
    expect(await html('## Le ZZ\n\n[ZZ](/x/) `ZZ` puis **ZZ**.')).toBe(
      `<h2>Le ZZ</h2>\n<p><a href="/x/">ZZ</a> <code>ZZ</code> puis <strong>${link('zz', 'ZZ')}</strong>.</p>`,
    );
  });

  it('leaves the components of a chapter alone (their output is theirs)', async () => {
    const { code } = await mdxToJs('<Stat label="x">ZZ</Stat>\n\nLe ZZ.', { hastPlugins: [plugin] });
    expect(code.match(/glossaire/g)).toHaveLength(1);
    expect(code).toMatch(/"Le ",[\s\S]*glossaire\/#zz/);
  });

  it('the real glossary: unique ids, and every written form belongs to one entry', () => {
    const glossary = readGlossary();
    expect(new Set(glossary.map((t) => t.id)).size).toBe(glossary.length);
    const forms = glossary.flatMap((t) => [t.term, ...(t.aliases ?? [])]);
    expect(new Set(forms).size).toBe(forms.length);
    expect(termMatcher(glossary).idOf.size).toBe(forms.length);
  });
});
