/**
 * A rehype plugin for the chapters (astro.config.mjs, MDX): the first occurrence of each term of
 * the glossary (content/glossaire.json, its term or one of its aliases) in a chapter links to its
 * entry on /glossaire/. Done while rendering, since released chapters are frozen. Never inside a
 * heading, a link, code or a component (a figure, a chart, a table: their output is theirs).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, ElementContent } from 'hast';
import { defineHastPlugin, type HastNode, type HastPluginEntry, type HastVisitorContext } from 'satteri';
import { contentDir } from '../data/paths.ts';

export interface GlossaryTerm {
  id: string;
  term: string;
  aliases?: string[];
}

export interface GlossaryLinksOptions {
  /** The site's base path (« / », « /cep-rapports/ »). */
  base?: string;
  /** The glossary; content/glossaire.json by default. */
  terms?: GlossaryTerm[];
}

export const readGlossary = (file = path.join(contentDir(), 'glossaire.json')): GlossaryTerm[] => JSON.parse(readFileSync(file, 'utf8'));

const SKIPPED_TAGS = new Set(['a', 'abbr', 'code', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const isComponent = (type: string) => type === 'mdxJsxFlowElement' || type === 'mdxJsxTextElement';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every written form of every term, longest first (« OPCO Santé » before « OPCO »), as whole
 * words: a letter, digit or hyphen on either side means another word (« SI-CEP » is not « CEP »).
 */
export function termMatcher(terms: GlossaryTerm[]): { pattern: RegExp; idOf: Map<string, string> } {
  const idOf = new Map<string, string>();
  for (const t of terms) for (const form of [t.term, ...(t.aliases ?? [])]) if (!idOf.has(form)) idOf.set(form, t.id);
  const forms = [...idOf.keys()].sort((a, b) => b.length - a.length).map(escape);
  return { pattern: new RegExp(`(?<![\\p{L}\\p{N}-])(?:${forms.join('|')})(?![\\p{L}\\p{N}-])`, 'gu'), idOf };
}

/** A text cut into text and links, linking each id not yet in `linked` (which it fills); undefined when it links nothing. */
export function linkTerms(text: string, matcher: ReturnType<typeof termMatcher>, linked: Set<string>, link: (id: string) => string): ElementContent[] | undefined {
  const out: ElementContent[] = [];
  let last = 0;
  for (const match of text.matchAll(matcher.pattern)) {
    const id = matcher.idOf.get(match[0])!;
    if (linked.has(id)) continue;
    linked.add(id);
    if (match.index > last) out.push({ type: 'text', value: text.slice(last, match.index) });
    out.push({ type: 'element', tagName: 'a', properties: { href: link(id), className: ['glossary-link'], dataGlossary: id }, children: [{ type: 'text', value: match[0] }] });
    last = match.index + match[0].length;
  }
  if (out.length === 0) return undefined;
  if (last < text.length) out.push({ type: 'text', value: text.slice(last) });
  return out;
}

/** Inside a heading, a link, code or a component: text that is not the chapter's own prose. */
function outsideProse(node: Readonly<HastNode>, ctx: HastVisitorContext): boolean {
  for (let p = ctx.parent(node) as Readonly<HastNode> | undefined; p; p = ctx.parent(p) as Readonly<HastNode> | undefined) {
    if (isComponent(p.type) || (p.type === 'element' && SKIPPED_TAGS.has((p as Element).tagName))) return true;
  }
  return false;
}

/**
 * The plugin, for Sätteri, Astro's Markdown and MDX processor (markdown.processor in
 * astro.config.mjs): a factory, called once per chapter, so that each chapter links its own
 * first occurrences.
 */
export function glossaryLinks(options: GlossaryLinksOptions = {}): HastPluginEntry {
  const matcher = termMatcher(options.terms ?? readGlossary());
  const base = options.base ?? '/';
  const link = (id: string) => `${base}glossaire/#${id}`;
  return () => {
    const linked = new Set<string>();
    return defineHastPlugin({
      name: 'glossary-links',
      text(node, ctx) {
        if (outsideProse(node, ctx)) return;
        const pieces = linkTerms(node.value, matcher, linked, link);
        if (pieces) ctx.replaceNode(node, pieces as HastNode[]);
      },
    });
  };
}
