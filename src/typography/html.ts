/**
 * The typography rules (rules.ts) applied to an HTML page: to its visible text, read as runs
 * of text within one block (so that « <data>62</data> % » is one « 62 % »), and to the
 * aria-label, title and alt attributes. Code, scripts and styles are left alone. Only the
 * changed text is written back, at its place in the page: the rest of the file stays byte for
 * byte as Astro wrote it.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { matchesOf, rules, type Match } from './rules.ts';

/** Elements whose text is not prose: left as they are. */
const VERBATIM = new Set(['script', 'style', 'code', 'pre', 'kbd', 'samp', 'var', 'textarea', 'template', 'math']);
/** Elements inside a line of text: their text continues their neighbours'. Any other element ends a run. */
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'tspan']);
/** Attributes people read (hast property names). */
const ATTRIBUTES = ['ariaLabel', 'title', 'alt'] as const;

/** A piece of text of the page, and where its source lies in the HTML (an attribute: the whole `name="…"`). */
interface Piece {
  value: string;
  readonly original: string;
  readonly start?: number;
  readonly end?: number;
  readonly attribute?: boolean;
}

/** The pieces of one block, in reading order. */
type Run = Piece[];

const piece = (value: string, position?: { start: { offset?: number }; end: { offset?: number } }, attribute = false): Piece => ({
  value,
  original: value,
  start: position?.start.offset,
  end: position?.end.offset,
  attribute,
});

/** Attributes as runs of their own. */
function attributeRuns(element: Element): Run[] {
  const positions = (element.data as { position?: { properties?: Record<string, { start: { offset?: number }; end: { offset?: number } }> } } | undefined)?.position?.properties;
  return ATTRIBUTES.filter((name) => typeof element.properties[name] === 'string').map((name) => [piece(element.properties[name] as string, positions?.[name], true)]);
}

/** Every run of text of the tree, and every attribute read by people. */
function collectRuns(root: Root): Run[] {
  const runs: Run[] = [];
  let current: Run = [];
  const end = () => {
    if (current.length) runs.push(current);
    current = [];
  };
  const visit = (node: Root | RootContent | ElementContent) => {
    if (node.type === 'text') current.push(piece(node.value, node.position));
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element') {
      runs.push(...attributeRuns(node));
      if (VERBATIM.has(node.tagName)) return end();
      if (!INLINE.has(node.tagName)) end();
    }
    for (const child of node.children) visit(child);
    if (node.type === 'element' && !INLINE.has(node.tagName)) end();
  };
  visit(root);
  end();
  return runs;
}

/** Replaces the matches in a run, each replacement going to the piece where its match starts. */
function rewrite(run: Run, matches: Match[]): void {
  const values = run.map((n) => n.value);
  const text = values.join('');
  const starts = values.map((_, i) => values.slice(0, i).reduce((sum, v) => sum + v.length, 0));
  // The piece holding the character at `index`; past the end, the last piece.
  const owner = (index: number) => {
    let i = 0;
    while (i < run.length - 1 && index >= starts[i + 1]!) i++;
    return i;
  };
  const out = values.map(() => '');
  let position = 0;
  const copy = (limit: number) => {
    while (position < limit) {
      const i = owner(position);
      const until = Math.min(limit, starts[i]! + values[i]!.length);
      out[i] += text.slice(position, until);
      position = until;
    }
  };
  for (const m of matches) {
    copy(m.index);
    out[owner(m.index)] += m.fixed;
    position = m.index + m.text.length;
  }
  copy(text.length);
  run.forEach((p, i) => (p.value = out[i]!));
}

/** Applies every rule, in order, to a run. */
function typesetRun(run: Run): void {
  for (const rule of rules) {
    const matches = matchesOf(rule, run.map((n) => n.value).join(''));
    if (matches.length > 0) rewrite(run, matches);
  }
}

/** A plain string with its typography fixed (for text compared with the built pages). */
export function typesetText(text: string): string {
  const run = [piece(text)];
  typesetRun(run);
  return run[0]!.value;
}

// `verbose`: the positions of attributes too, to write them back in place.
const parser = unified().use(rehypeParse, { verbose: true });

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** The page with its typography fixed, or null when nothing needed fixing (the file stays as built). */
export function typesetHtml(html: string): string | null {
  const changed = collectRuns(parser.parse(html))
    .flatMap((run) => (typesetRun(run), run))
    .filter((p) => p.value !== p.original && p.start !== undefined && p.end !== undefined);
  if (changed.length === 0) return null;
  let out = '';
  let position = 0;
  for (const p of changed.sort((a, b) => a.start! - b.start!)) {
    const source = html.slice(p.start, p.end);
    out += html.slice(position, p.start) + (p.attribute ? `${source.slice(0, source.indexOf('='))}="${escapeAttribute(p.value)}"` : escapeText(p.value));
    position = p.end!;
  }
  return out + html.slice(position);
}

export interface TypographyFinding {
  page: string;
  rule: string;
  message: string;
  /** The text around the mistake, special spaces shown as ⍽ (no-break) and ˽ (narrow no-break). */
  excerpt: string;
}

const visible = (text: string) => text.replace(/\u00a0/gu, '⍽').replace(/\u202f/gu, '˽').replace(/\s+/gu, ' ');

/** What the rules would change on a page: the check run over the built site. */
export function typographyFindings(html: string, page: string): TypographyFinding[] {
  const findings: TypographyFinding[] = [];
  for (const run of collectRuns(parser.parse(html))) {
    const text = run.map((n) => n.value).join('');
    for (const rule of rules)
      for (const m of matchesOf(rule, text))
        findings.push({ page, rule: rule.id, message: rule.message, excerpt: visible(text.slice(Math.max(0, m.index - 30), m.index + m.text.length + 30)) });
  }
  return findings;
}
