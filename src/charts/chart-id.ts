/**
 * A chart's stable id within its edition, from its props (never from its place in a chapter):
 * a readable slug of what it draws, « annex5-profile-age », « entries-by-operator-frm ». The
 * chapter that renders a chart and the build that lists an edition's charts (edition-charts.ts)
 * both go through `assignChartIds`, so the files under …/v<N>/graphiques/ match the links.
 */
import { createHash } from 'node:crypto';

export type ChartProps = Record<string, unknown>;

/** What only words the chart, not the figures it draws. */
const WORDING = new Set(['lecture']);
/** Props of an indicator chart drawn in the order of the slug, before its other dimensions. */
const LEADING = ['dataset', 'chart', 'indicator', 'field', 'by'];

const slugify = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The props that make a chart what it is, in one canonical order (`title` only where Chart passes it on: dataset charts). */
export function chartKey(props: ChartProps): string {
  const kept = Object.entries(props)
    .filter(([name, value]) => value !== undefined && value !== '' && !WORDING.has(name) && (name !== 'title' || props.dataset !== undefined))
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(kept.map(([name, value]) => [name, value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value).sort(([a], [b]) => a.localeCompare(b)) : value]));
}

/** The readable part of the id: what it draws, then its selection (where values, fixed dimensions, territories). */
export function chartSlug(props: ChartProps): string {
  const parts: unknown[] = LEADING.filter((name) => name !== 'chart' || !props.dataset).map((name) => props[name]);
  const where = props.where && typeof props.where === 'object' ? Object.entries(props.where).sort(([a], [b]) => a.localeCompare(b)).map(([, v]) => v) : [];
  const dimensions = Object.keys(props)
    .filter((name) => !LEADING.includes(name) && !['where', 'title', 'territories', ...WORDING].includes(name))
    .sort()
    .map((name) => props[name]);
  const territories = Array.isArray(props.territories) ? props.territories : [];
  return slugify([...parts, ...where, ...dimensions, ...territories].filter((p) => p !== undefined && p !== '').join(' ')) || 'graphique';
}

const shortHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 6);

/**
 * The id of each distinct chart of an edition (by key): its slug, or, when charts that differ
 * share a slug, the slug and a short hash of its key, so that no id depends on the others' order.
 */
export function assignChartIds(charts: ChartProps[]): Map<string, string> {
  const keysBySlug = new Map<string, Set<string>>();
  for (const props of charts) {
    const slug = chartSlug(props);
    keysBySlug.set(slug, (keysBySlug.get(slug) ?? new Set()).add(chartKey(props)));
  }
  const ids = new Map<string, string>();
  for (const [slug, keys] of keysBySlug) for (const key of keys) ids.set(key, keys.size > 1 ? `${slug}-${shortHash(key)}` : slug);
  return ids;
}
