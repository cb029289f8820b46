/**
 * A chapter read as the site reads it: Sätteri's MDX parser (the one astro.config.mjs renders
 * with), positions on. The tree is walked here; the rules live in mdx-safety.ts and
 * src/data/chapters-check.ts.
 */
import { mdxToMdast, type MdastNode } from 'satteri';
import { literalOf, type Literal } from './literals.ts';

export type MdxNode = MdastNode & {
  children?: MdxNode[];
  name?: string | null;
  attributes?: MdxAttribute[];
  value?: string;
  url?: string;
  identifier?: string;
};

export interface MdxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | null | { type: 'mdxJsxAttributeValueExpression'; value: string };
}

/** A located problem: offset in the chapter's text, message for the editor. */
export interface Finding {
  offset: number;
  message: string;
}

export type ParsedChapter = { tree: MdxNode } | { error: { line: number; column: number; reason: string } };

/** The chapter's tree, or where and why Sätteri could not read it. */
export function parseChapter(text: string): ParsedChapter {
  try {
    return { tree: mdxToMdast(text, { position: true }) as MdxNode };
  } catch (error) {
    const message = (error as Error).message;
    const located = /^(\d+):(\d+): (.*)$/s.exec(message);
    return { error: located ? { line: Number(located[1]), column: Number(located[2]), reason: located[3]! } : { line: 1, column: 1, reason: message } };
  }
}

/** Every node of the tree, depth first, in source order. */
export function* walk(node: MdxNode): Generator<MdxNode> {
  yield node;
  for (const child of node.children ?? []) yield* walk(child);
}

export const isElement = (node: MdxNode) => node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';

/** The offset of an attribute in the source: its name (or the `{` of a spread) in the element's opening tag. */
export function attributeOffset(text: string, element: MdxNode, attribute: MdxAttribute): number {
  const start = element.position?.start.offset ?? 0;
  // The opening tag comes first in the element's source: the first match is there.
  const tag = text.slice(start, element.position?.end.offset);
  const pattern = attribute.type === 'mdxJsxExpressionAttribute' ? /\{\s*\.\.\./ : new RegExp(`(?<=[\\s}"'])${attribute.name!.replace(/[^\w-]/g, '')}(?=[\\s=/>]|$)`);
  const found = pattern.exec(tag);
  return start + (found?.index ?? 0);
}

/** The value a chapter gives an attribute: a string, `true` for a bare name, a literal, or undefined (code). */
export function attributeValue(attribute: MdxAttribute): { value: Literal } | undefined {
  const { value } = attribute;
  if (value === null || value === undefined) return { value: true };
  if (typeof value === 'string') return { value };
  return literalOf(value.value);
}

/** An element's props that are literals (the others are refused by mdx-safety.ts). */
export function literalProps(element: MdxNode): Record<string, Literal> {
  const props: Record<string, Literal> = {};
  for (const attribute of element.attributes ?? []) {
    const literal = attribute.type === 'mdxJsxAttribute' ? attributeValue(attribute) : undefined;
    if (literal) props[attribute.name!] = literal.value;
  }
  return props;
}
