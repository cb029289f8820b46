/**
 * Every chart of an edition, listed from its chapters as Sätteri parses them (the literal props
 * of each <Chart />, as chapters-check.ts reads them): one entry per file set under
 * …/v<N>/graphiques/. A chart with a territory switch gives one entry per territory, each with
 * `territories` narrowed to it, so that the image shows what the reader chose.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isElement, literalProps, parseChapter, walk } from '../chapters/mdx-tree.ts';
import { chapterFiles } from '../chapters/source-check.ts';
import { contentDir } from '../data/paths.ts';
import { assignChartIds, chartKey, type ChartProps } from './chart-id.ts';

export interface EditionChart {
  id: string;
  /** The props the embed page renders the chart with. */
  props: ChartProps;
  /** The chapter it comes from (file name without the number), for the embed's link back. */
  chapter: string;
}

/** The territories a chart switches between, when it has several. */
const switchedTerritories = (props: ChartProps): unknown[] | undefined =>
  Array.isArray(props.territories) && props.territories.length > 1 ? props.territories : undefined;

/**
 * The props of one territory's files: `territories` narrowed to it when the chart switches between
 * several, even when the page offers only one of them (the others without values in the edition).
 */
export function territoryProps(props: ChartProps, territory: unknown): ChartProps {
  return switchedTerritories(props) ? { ...props, territories: [territory] } : props;
}

/** A chart's props once per territory of its switch (the props themselves without one). */
export function chartVariantProps(props: ChartProps): ChartProps[] {
  return switchedTerritories(props)?.map((code) => territoryProps(props, code)) ?? [props];
}

function chartsInChapters(editionId: string, root: string): { props: ChartProps; chapter: string }[] {
  return chapterFiles(root)
    .filter((f) => f.edition === editionId)
    .sort((a, b) => a.file.localeCompare(b.file))
    .flatMap(({ file }) => {
      const parsed = parseChapter(readFileSync(file, 'utf8'));
      if (!('tree' in parsed)) return [];
      const chapter = path.basename(file, '.mdx').replace(/^\d+-/, '');
      return [...walk(parsed.tree)]
        .filter((node) => isElement(node) && node.name === 'Chart')
        .flatMap((node) => chartVariantProps(literalProps(node)).map((props) => ({ props, chapter })));
    });
}

/** Per content root and edition: its charts, and the id of each chart key (assignChartIds). */
const cache = new Map<string, { charts: EditionChart[]; ids: Map<string, string> }>();

function listed(editionId: string, root: string) {
  const cacheKey = `${root}\0${editionId}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const found = chartsInChapters(editionId, root);
  const ids = assignChartIds(found.map((c) => c.props));
  const seen = new Set<string>();
  const charts = found.flatMap(({ props, chapter }) => {
    const id = ids.get(chartKey(props))!;
    if (seen.has(id)) return [];
    seen.add(id);
    return [{ id, props, chapter }];
  });
  cache.set(cacheKey, { charts, ids });
  return { charts, ids };
}

/** The edition's charts, each once (the first chapter that draws it), in the order of the plan. */
export function editionCharts(editionId: string, root = contentDir()): EditionChart[] {
  return listed(editionId, root).charts;
}

/** The id of a chart a page renders: the one the edition's list gives its props. */
export function chartIdOf(editionId: string, props: ChartProps): string | undefined {
  return listed(editionId, contentDir()).ids.get(chartKey(props));
}
