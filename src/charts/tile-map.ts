/**
 * The national map: one equal square per region (data/reference/territories.csv, tiles.ts),
 * coloured by the indicator's value, the value written in the tile (the colour never carries it
 * alone), regions without a value hatched and labelled « n.d. ». Drawn by Plot at build time.
 */
import * as Plot from '@observablehq/plot';
import type { Tile } from '../data/tiles.ts';
import { formatSigned, formatValue, MISSING } from '../format/number.ts';
import { sameValue, type Unit } from '../indicators/model.ts';
import type { IndicatorYear } from '../national/gather.ts';
import { palette } from './palette.ts';
import { FONT_SIZE, type ChartSize } from './sizes.ts';

export interface TileDatum extends Tile {
  /** The value shown; null when the region has none, or several different ones. */
  value: number | null;
  /** What the tile reads under its short label. */
  text: string;
  state: 'value' | 'missing' | 'several';
}

/** Light to the site's blue; for signed units, red below zero. */
const LIGHT = '#eef3f8';
const NEGATIVE = '#a33a2a';
const HATCH = '#8a8a8a';
/** Largest tile, in pixels: the wide drawing stays a map, not a wall (its legend stands beside it). */
const MAX_TILE = 88;

const signed = (unit: Unit) => unit === 'points' || unit === 'variation';

/** The value in a tile: short enough for a 60 px square (points without their word, told by the legend). */
export function tileText(value: number, unit: Unit, decimals: number): string {
  return unit === 'points' ? formatSigned(value, decimals) : formatValue(value, unit, decimals);
}

/** One datum per tile: a region's value when its reports agree; « 2 valeurs » when they differ (the table gives both). */
export function tileData(year: IndicatorYear, tiles: Tile[]): TileDatum[] {
  const { unit, decimals } = year.indicator;
  return tiles.map((tile) => {
    const values = year.regions.find((r) => r.code === tile.code)?.values ?? [];
    if (values.length === 0) return { ...tile, value: null, text: MISSING, state: 'missing' };
    const first = values[0]!.value;
    if (values.some((v) => !sameValue(v.value, first))) return { ...tile, value: null, text: `${values.length} valeurs`, state: 'several' };
    return { ...tile, value: first, text: tileText(first, unit, decimals), state: 'value' };
  });
}

/** The colour scale: from 0 (or the opposite of the largest magnitude, for signed units) to the largest value. */
export function colorScale(unit: Unit, values: number[]) {
  const top = Math.max(0, ...values.map(Math.abs)) || 1;
  const options = signed(unit)
    ? { type: 'linear' as const, domain: [-top, 0, top], range: [NEGATIVE, LIGHT, palette.bar] }
    : { type: 'linear' as const, domain: [0, top], range: [LIGHT, palette.bar] };
  const scale = Plot.scale({ color: { ...options, interpolate: 'rgb' } });
  const color = (v: number) => String(scale.apply(v));
  return { domain: options.domain, range: options.range, color, ink: (v: number) => inkOn(color(v)) };
}

/** The colour scale of a map: over the values its tiles show. */
export const tileScale = (data: TileDatum[], unit: Unit) => colorScale(unit, data.flatMap((d) => (d.value === null ? [] : [d.value])));

/** WCAG relative luminance of an `rgb(r, g, b)` colour. */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+/g) ?? ['0', '0', '0']).slice(0, 3).map((c) => {
    const x = Number(c) / 255;
    return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

// Black rather than the page's near-black: with white, one of the two reaches 4.58:1 on any fill.
const DARK_INK = '#000000';
const LIGHT_INK = '#ffffff';

/** WCAG contrast ratio of two `rgb(…)` or `#rrggbb` colours. */
export function contrast(a: string, b: string): number {
  const [la, lb] = [a, b].map((c) => luminance(c.startsWith('#') ? `rgb(${[1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)).join(', ')})` : c));
  return (Math.max(la!, lb!) + 0.05) / (Math.min(la!, lb!) + 0.05);
}

/** The text colour of a tile: of black and white, the one that contrasts most with its fill. */
export function inkOn(fill: string): string {
  return contrast(fill, DARK_INK) >= contrast(fill, LIGHT_INK) ? DARK_INK : LIGHT_INK;
}

/** The hatching of the tiles without a value, as an SVG pattern (ids are per drawing: a page holds many). */
function hatching(id: string): Plot.RenderFunction {
  return (_index, _scales, _values, _dimensions, context) => {
    const ns = 'http://www.w3.org/2000/svg';
    const doc = context.document;
    const defs = doc.createElementNS(ns, 'defs');
    const pattern = doc.createElementNS(ns, 'pattern');
    for (const [k, v] of Object.entries({ id, width: '6', height: '6', patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' })) pattern.setAttribute(k, v);
    const line = doc.createElementNS(ns, 'line');
    for (const [k, v] of Object.entries({ x1: '0', y1: '0', x2: '0', y2: '6', stroke: HATCH, 'stroke-width': '1.5' })) line.setAttribute(k, v);
    pattern.append(line);
    defs.append(pattern);
    return defs as unknown as SVGElement;
  };
}

/** The grid's columns and rows. */
const gridOf = (data: TileDatum[]) => ({ cols: Math.max(...data.map((d) => d.col)) + 1, rows: Math.max(...data.map((d) => d.row)) + 1 });

/** The map's own width at a chart size: its tiles as large as the size allows, up to MAX_TILE. */
const mapWidth = (width: number, cols: number) => Math.min(MAX_TILE, Math.floor(width / cols)) * cols;

/**
 * The map at one size: tiles from the left edge, as large as the width allows up to MAX_TILE,
 * drawn at the map's own width (sizes.ts, drawnWidth): no blank band beside the wide one.
 */
export function tileMapOptions(data: TileDatum[], unit: Unit, size: ChartSize, id: string): Plot.PlotOptions {
  const { cols, rows } = gridOf(data);
  const width = mapWidth(size.width, cols);
  const tile = width / cols;
  const scale = tileScale(data, unit);
  const hatchId = `${id}-hachures-${size.name}`;
  const fill = (d: TileDatum) => (d.state === 'missing' ? `url(#${hatchId})` : d.value === null ? '#ffffff' : scale.color(d.value));
  const ink = (d: TileDatum) => (d.value === null ? DARK_INK : scale.ink(d.value));
  const band = (n: number, start: number) => ({ type: 'band' as const, domain: [...Array(n).keys()], range: [start, start + tile * n] as [number, number], axis: null, padding: 0 });
  const text = (field: 'short' | 'text', dy: number, weight: string) =>
    Plot.text(data, { x: 'col', y: 'row', text: field, dy, fill: ink, fontWeight: weight, stroke: (d: TileDatum) => (d.state === 'missing' ? '#ffffff' : 'none'), strokeWidth: 3 });
  return {
    width,
    height: tile * rows,
    margin: 0,
    style: { fontSize: `${FONT_SIZE}px`, overflow: 'visible' },
    x: band(cols, 0),
    y: band(rows, 0),
    color: { type: 'identity' },
    marks: [
      hatching(hatchId),
      Plot.cell(data, { x: 'col', y: 'row', fill, stroke: '#5c5c5c', strokeWidth: 1, inset: 2, title: (d: TileDatum) => `${d.label} : ${d.text}` }),
      text('short', -8, 'bold'),
      text('text', 8, 'normal'),
    ],
  };
}

/** The text alternative: every region's value, then those without one. */
export function describeTileMap(year: IndicatorYear, data: TileDatum[]): string {
  const list = (items: string[]) => new Intl.ListFormat('fr', { type: 'conjunction' }).format(items);
  const valued = data.filter((d) => d.state !== 'missing').sort((a, b) => a.label.localeCompare(b.label, 'fr'));
  const missing = data.filter((d) => d.state === 'missing');
  const { unit, decimals } = year.indicator;
  const said = (d: TileDatum) => (d.value === null ? d.text : formatValue(d.value, unit, decimals));
  const others = valued.length ? `les ${missing.length} autres régions` : `les ${missing.length} régions`;
  const given = valued.length ? [list(valued.map((d) => `${d.label} ${said(d)}`))] : [];
  const none = missing.length ? [`non disponible pour ${missing.length === 1 ? missing[0]!.label : others}`] : [];
  return `Carte des régions en tuiles, ${year.indicator.label.charAt(0).toLowerCase()}${year.indicator.label.slice(1)} en ${year.year} : ${[...given, ...none].join(' ; ')}.`;
}
