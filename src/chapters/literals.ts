/**
 * Literal props in a chapter: `year={2023}`, `territories={['28', 'FRM']}`,
 * `where={{ dimension: 'sex' }}`. Parsed by Sätteri (the site's own MDX parser, ESTree out) and
 * read only when the tree is made of literals: anything else (a call, a variable, a template
 * with `${…}`, a spread) is code, which a chapter may not hold.
 */
import { defineHastPlugin, mdxToJs } from 'satteri';

/** A value a chapter may write: JSON-like, with single quotes allowed. */
export type Literal = string | number | boolean | null | Literal[] | { [key: string]: Literal };

interface EsNode {
  type: string;
  [key: string]: unknown;
}

const NOT_LITERAL = Symbol('not a literal');

function valueOf(node: EsNode): Literal | typeof NOT_LITERAL {
  switch (node.type) {
    case 'ParenthesizedExpression':
      return valueOf(node.expression as EsNode);
    case 'Literal':
      return node.regex || node.bigint ? NOT_LITERAL : (node.value as Literal);
    case 'UnaryExpression': {
      const argument = node.argument as EsNode;
      return node.operator === '-' && argument.type === 'Literal' && typeof argument.value === 'number' ? -argument.value : NOT_LITERAL;
    }
    case 'TemplateLiteral':
      return (node.expressions as EsNode[]).length === 0 ? ((node.quasis as { value: { cooked: string } }[])[0]?.value.cooked ?? '') : NOT_LITERAL;
    case 'ArrayExpression': {
      const items = (node.elements as (EsNode | null)[]).map((e) => (e === null ? NOT_LITERAL : valueOf(e)));
      return items.includes(NOT_LITERAL) ? NOT_LITERAL : (items as Literal[]);
    }
    case 'ObjectExpression':
      return objectOf(node.properties as EsNode[]);
    default:
      return NOT_LITERAL;
  }
}

function objectOf(properties: EsNode[]): Literal | typeof NOT_LITERAL {
  const object: Record<string, Literal> = {};
  for (const p of properties) {
    if (p.type !== 'Property' || p.kind !== 'init' || p.computed || p.method || p.shorthand) return NOT_LITERAL;
    const key = p.key as EsNode;
    const name = key.type === 'Identifier' ? key.name : key.type === 'Literal' ? key.value : undefined;
    const value = valueOf(p.value as EsNode);
    if ((typeof name !== 'string' && typeof name !== 'number') || value === NOT_LITERAL) return NOT_LITERAL;
    object[String(name)] = value;
  }
  return object;
}

/** The ESTree program of one JavaScript expression, or undefined when it does not parse. */
function parseExpression(expression: string): EsNode | undefined {
  let program: EsNode | undefined;
  const capture = defineHastPlugin({
    name: 'cep-capture-expression',
    mdxFlowExpression(node) {
      program = (node.parseExpression() as EsNode | null) ?? undefined;
    },
  });
  try {
    // Parenthesised, so that `{ a: 1 }` reads as an object, not as a block.
    mdxToJs(`{(${expression}\n)}`, { hastPlugins: [capture] });
  } catch {
    return undefined;
  }
  return program;
}

function readLiteral(expression: string): { value: Literal } | undefined {
  const body = parseExpression(expression)?.body as EsNode[] | undefined;
  if (body?.length !== 1 || body[0]!.type !== 'ExpressionStatement') return undefined;
  const value = valueOf(body[0]!.expression as EsNode);
  return value === NOT_LITERAL ? undefined : { value };
}

// The same few props ({2023}, {false}) come back in every chapter and every validation: parsed once.
const read = new Map<string, { value: Literal } | undefined>();

/** The value of a literal expression, or undefined when the expression is code. */
export function literalOf(expression: string): { value: Literal } | undefined {
  if (!read.has(expression)) read.set(expression, readLiteral(expression));
  const literal = read.get(expression);
  // A copy: callers may keep or change what they get.
  return literal && { value: structuredClone(literal.value) };
}
