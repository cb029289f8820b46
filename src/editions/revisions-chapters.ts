/**
 * Whether a chapter shows a revised figure, read from its components' props (Sätteri's MDX tree):
 * a chart or table of the figure's dataset shows all its rows; a <Value>, <Data> or <KeyFigure>
 * shows the row its props select, so it shows the figure when none of its props contradicts the
 * figure's row key (a row may be selected by part of its key).
 */
import { isElement, literalProps, parseChapter, walk } from '../chapters/mdx-tree.ts';
import type { FigureRef } from './revisions-schema.ts';

const WHOLE_DATASET = new Set(['Chart', 'DataTable']);

/** Which figures a chapter shows, its MDX parsed once for all the notices asked about. */
export function figuresShownBy(source: string): (figure: FigureRef) => boolean {
  const parsed = parseChapter(source);
  const elements = 'tree' in parsed ? [...walk(parsed.tree)].filter(isElement).map((node) => ({ name: node.name ?? '', props: literalProps(node) })) : [];
  return (figure) => elements.some(({ name, props }) => shows(name, props, figure));
}

export const chapterShowsFigure = (source: string, figure: FigureRef): boolean => figuresShownBy(source)(figure);

function shows(name: string, props: ReturnType<typeof literalProps>, figure: FigureRef): boolean {
  if ('indicator' in figure) return props.indicator === figure.indicator;
  if (props.dataset !== figure.dataset) return false;
  if (WHOLE_DATASET.has(name)) return true;
  const keys = Object.keys(figure.row).filter((k) => k in props);
  return keys.length > 0 && keys.every((k) => String(props[k]) === String(figure.row[k]));
}
