/**
 * What a national map figure shows (components/NationalMap.astro renders it): the tiles, the
 * drawings with their text alternative when the map is drawn, and the Lecture sentence.
 */
import type { Tile } from '../data/tiles.ts';
import { renderSvg } from '../charts/render-svg.ts';
import { describeTileMap, tileData, tileMapOptions, type TileDatum } from '../charts/tile-map.ts';
import { formatValue } from '../format/number.ts';
import { sourceText, type IndicatorYear } from './gather.ts';

export interface MapFigure {
  data: TileDatum[];
  ids: { caption: string; alt: string };
  /** The drawings (phone, wide) and the text that describes them; none when the table stands alone. */
  drawing?: { svg: string; alt: string };
  /** How to read the first region's value; none when no region has one. */
  lecture?: string;
}

/** « En 2023, dossiers … : 500 dans les Hauts-de-France (rapport …). » */
export function mapLecture(year: IndicatorYear): string | undefined {
  const region = year.regions.find((r) => r.values.length > 0);
  if (!region) return undefined;
  const { label, unit, decimals } = year.indicator;
  const { value, source } = region.values[0]!;
  return `En ${year.year}, ${label.charAt(0).toLowerCase()}${label.slice(1)} : ${formatValue(value, unit, decimals)} ${region.inLabel} (${sourceText(source, true)}).`;
}

/** The figure of one indicator in one year; `id` is unique on the page, `map` whether to draw it. */
export function mapFigure(year: IndicatorYear, tiles: Tile[], id: string, map: boolean): MapFigure {
  const data = tileData(year, tiles);
  const ids = { caption: `${id}-titre`, alt: `${id}-alt` };
  const svg = () => renderSvg((size) => tileMapOptions(data, year.indicator.unit, size, id), { labelledBy: ids.caption, describedBy: ids.alt });
  return { data, ids, drawing: map ? { svg: svg(), alt: describeTileMap(year, data) } : undefined, lecture: mapLecture(year) };
}
