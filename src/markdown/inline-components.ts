/**
 * Figures stay inside their sentence. In MDX, a component alone on a source line is a block
 * (an mdxJsxFlowElement): « Les femmes représentent / <Data …/> / des personnes » would print
 * three paragraphs. This Sätteri mdast plugin (registered in astro.config.mjs, rendering only:
 * released chapters stay as written) turns such an inline component into a text element and
 * merges it with the paragraphs it touches, when no blank line separates them in the source.
 * Block components (Chart, DataTable, KeyFigures, Discrepancy…) are left alone.
 */
import { defineMdastPlugin, type MdastNode, type MdastVisitorContext } from 'satteri';

/** The components of src/components/mdx-components.ts that print a few words of text. */
export const INLINE_COMPONENTS: ReadonlySet<string> = new Set(['Category', 'Data', 'KeyFigure', 'Value']);

type Node = MdastNode & { children?: Node[]; name?: string | null; attributes?: unknown[] };

const isInlineComponent = (node: Node) => node.type === 'mdxJsxFlowElement' && INLINE_COMPONENTS.has(node.name ?? '');
const isMergeable = (node: Node) => node.type === 'paragraph' || isInlineComponent(node);
/** Two nodes with no blank line between them in the source. */
const touching = (a: Node, b: Node) => !!a.position && !!b.position && b.position.start.line <= a.position.end.line + 1;

/** Runs of paragraphs and inline components that touch, among a parent's children. */
export function touchingRuns(children: readonly Node[]): Node[][] {
  const runs: Node[][] = [];
  let run: Node[] = [];
  for (const child of children) {
    const last = run.at(-1);
    if (isMergeable(child) && last && touching(last, child)) run.push(child);
    else {
      if (run.length > 1) runs.push(run);
      run = isMergeable(child) ? [child] : [];
    }
  }
  if (run.length > 1) runs.push(run);
  return runs.filter((r) => r.some(isInlineComponent));
}

/** The phrasing content a run's node brings to the merged paragraph. */
function phrasing(node: Node): Node[] {
  if (node.type === 'paragraph') return node.children ?? [];
  return [{ type: 'mdxJsxTextElement', name: node.name, attributes: node.attributes, children: node.children ?? [] } as Node];
}

/** What separated two parts in the source: a line break (a space once rendered), a space, or nothing. */
function separator(a: Node, b: Node): Node[] {
  if (b.position!.start.line > a.position!.end.line) return [{ type: 'text', value: '\n' } as Node];
  return b.position!.start.offset === a.position!.end.offset ? [] : [{ type: 'text', value: ' ' } as Node];
}

/** One paragraph for the run, keeping the whitespace between its parts. */
function merged(run: Node[]): Node {
  const children = run.flatMap((node, i) => (i === 0 ? phrasing(node) : [...separator(run[i - 1]!, node), ...phrasing(node)]));
  return { type: 'paragraph', children } as Node;
}

function mergeRuns(parent: Node, ctx: MdastVisitorContext): void {
  const children = parent.children ?? [];
  for (const run of touchingRuns(children)) {
    ctx.replaceNode(run[0]!, merged(run));
    for (const node of run.slice(1)) ctx.removeNode(node);
  }
  for (const child of children) if (child.children) mergeRuns(child, ctx);
}

export const inlineComponents = defineMdastPlugin({
  name: 'cep-inline-components',
  options: { position: true },
  before(root, ctx) {
    mergeRuns(root as Node, ctx);
  },
});
