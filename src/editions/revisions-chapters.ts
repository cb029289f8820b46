/**
 * Whether a chapter shows a revised figure, read from its components' props (Sätteri's MDX tree):
 * a chart or table of the figure's dataset shows all its rows; a <Value>, <Data> or <KeyFigure>
 * shows the row its props select, so it shows the figure when none of its props contradicts the
 * figure's row key (a row may be selected by part of its key).
 */
import { isElement, literalProps, parseChapter, walk } from '../chapters/mdx-tree.ts';
import type { FigureRef } from './revisions-schema.ts';

const WHOLE_DATASET = new Set(['Chart', 'DataTable']);

export function chapterShowsFigure(source: string, figure: FigureRef): boolean {
  const parsed = parseChapter(source);
  if (!('tree' in parsed)) return false;
  for (const node of walk(parsed.tree)) {
    if (!isElement(node)) continue;
    const props = literalProps(node);
    if ('indicator' in figure) {
      if (props.indicator === figure.indicator) return true;
      continue;
    }
    if (props.dataset !== figure.dataset) continue;
    if (WHOLE_DATASET.has(node.name ?? '')) return true;
    const keys = Object.keys(figure.row).filter((k) => k in props);
    if (keys.length > 0 && keys.every((k) => String(props[k]) === String(figure.row[k]))) return true;
  }
  return false;
}
