import { evaluate } from 'satteri';
import { describe, expect, it } from 'vitest';
import { inlineComponents } from '../../src/markdown/inline-components.ts';

/** A minimal JSX runtime that renders to an HTML string, components shown as <Name a="…">. */
const Fragment = Symbol('Fragment');
type Rendered = { html: string };
const render = (node: unknown): string =>
  node === null || node === undefined || node === false ? '' : Array.isArray(node) ? node.map(render).join('') : typeof node === 'string' ? node : (node as Rendered).html;
function jsx(type: unknown, props: unknown): Rendered {
  const { children, ...attributes } = props as Record<string, unknown>;
  if (typeof type === 'function') return type(props);
  const inner = render(children);
  if (type === Fragment) return { html: inner };
  const attrs = Object.entries(attributes).map(([k, v]) => ` ${k}="${String(v)}"`).join('');
  return { html: `<${String(type)}${attrs}>${inner}</${String(type)}>` };
}
const stub = (name: string) => (props: unknown) => jsx(name, props);
const components = Object.fromEntries(['Value', 'Data', 'KeyFigure', 'Category', 'Discrepancy', 'Chart', 'KeyFigures', 'Stat'].map((n) => [n, stub(n)]));

async function html(mdx: string): Promise<string> {
  const module = (await evaluate(mdx, { Fragment, jsx, jsxs: jsx, mdastPlugins: [inlineComponents] })) as { default: (p: object) => Rendered };
  return render(module.default({ components }));
}

describe('inline components in MDX chapters', () => {
  it('a figure alone on its source line stays in its sentence, the line breaks kept as spaces', async () => {
    expect(await html('Les femmes représentent\n<Data dataset="x" field="share" />\ndes personnes.\n')).toBe(
      '<p>Les femmes représentent\n<Data dataset="x" field="share"></Data>\ndes personnes.</p>',
    );
  });

  it('several figures and lines make one paragraph, whatever component opens or closes it', async () => {
    const out = await html('<Value indicator="a" />\nà\n<Category dimension="age" code="18-29" lowercase />\net\n<KeyFigure dataset="k" id="i" />\n');
    expect(out).toBe('<p><Value indicator="a"></Value>\nà\n<Category dimension="age" code="18-29" lowercase="true"></Category>\net\n<KeyFigure dataset="k" id="i"></KeyFigure></p>');
  });

  it('expression props survive the move into the sentence', async () => {
    expect(await html('En\n<Data dataset="x" year={2020 + 3} />\nexactement.\n')).toBe('<p>En\n<Data dataset="x" year="2023"></Data>\nexactement.</p>');
  });

  it('two figures on one line keep the space between them, or none', async () => {
    expect(await html('Soit\n<Value indicator="a" /> <Value indicator="b" />\n')).toContain('<Value indicator="a"></Value> <Value indicator="b"></Value></p>');
    expect(await html('Soit\n<Value indicator="a" /><Value indicator="b" />\n')).toContain('<Value indicator="a"></Value><Value indicator="b"></Value></p>');
  });

  it('inside a quotation or a loose list item too', async () => {
    expect(await html('> Les femmes représentent\n> <Data dataset="x" />\n> des personnes.\n')).toBe(
      '<blockquote>\n<p>Les femmes représentent\n<Data dataset="x"></Data>\ndes personnes.</p>\n</blockquote>',
    );
    expect(await html('- **Cap emploi** reçoit :\n  <Data dataset="x" />\n  de ses bénéficiaires.\n\n- Autre point.\n')).toContain(
      '<li>\n<p><strong>Cap emploi</strong> reçoit :\n<Data dataset="x"></Data>\nde ses bénéficiaires.</p>\n</li>',
    );
  });

  it('a blank line still separates paragraphs', async () => {
    expect(await html('Premier paragraphe.\n\n<Value indicator="a" />\nsecond paragraphe.\n')).toBe('<p>Premier paragraphe.</p>\n<p><Value indicator="a"></Value>\nsecond paragraphe.</p>');
  });

  it('block components stay blocks, and figures inside them stay where they are', async () => {
    const out = await html('Un texte.\n<Discrepancy rule="r" />\n\n<Chart indicator="i" />\n\n<KeyFigures>\n  <Stat label="l"><Data dataset="d" /></Stat>\n</KeyFigures>\n');
    expect(out).toBe('<p>Un texte.</p>\n<Discrepancy rule="r"></Discrepancy>\n<Chart indicator="i"></Chart>\n<KeyFigures><Stat label="l"><Data dataset="d"></Data></Stat></KeyFigures>');
  });
});
