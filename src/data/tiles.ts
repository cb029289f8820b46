/**
 * The tile map of the regions (data/reference/territories.csv: `tile_label`, `tile_col`,
 * `tile_row`): one equal square per region, overseas included. No npm package of region
 * outlines may be published with the site (the one found is CC BY-NC and has no overseas
 * regions), and a tile map needs no geometry: the layout is data, checked here.
 */
import { displayPath } from './paths.ts';
import { quote, type DataIssue } from './issues.ts';
import type { Resource, Territory } from './catalog.ts';

/** A region's square on the map. */
export interface Tile {
  code: string;
  label: string;
  /** Short code written in the tile (« BRE »). */
  short: string;
  col: number;
  row: number;
}

const TILE_FIELDS = ['tile_label', 'tile_col', 'tile_row'] as const;

/** The regions' tiles, in the list's order (national rows have none). */
export function tilesOf(territories: Iterable<Territory>): Tile[] {
  return [...territories]
    .filter((t) => t.level === 'region' && typeof t.tile_col === 'number' && typeof t.tile_row === 'number' && t.tile_label)
    .map((t) => ({ code: t.code, label: t.label, short: t.tile_label!, col: t.tile_col!, row: t.tile_row! }));
}

/** The overseas regions' tiles: the layout's last row, which territories.csv keeps for them (tile_row). */
export function overseasTiles(tiles: Tile[]): Tile[] {
  const last = Math.max(...tiles.map((t) => t.row));
  return tiles.filter((t) => t.row === last);
}

/**
 * Every region has its three tile cells, national rows none, and no two regions share a tile
 * or a short label: errors located at the cell to fix.
 */
export function checkTiles(reference: Map<string, Resource>): DataIssue[] {
  const list = reference.get('territories');
  if (!list || !list.table.columnOf('tile_col')) return [];
  const { table } = list;
  const issues: DataIssue[] = [];
  const at = (i: number, field: string, message: string) =>
    issues.push({ file: displayPath(table.file), line: table.lines[i]!, column: table.columnOf(field), severity: 'error', message });
  const places = new Map<string, string>();
  const shorts = new Map<string, string>();
  table.rows.forEach((row, i) => {
    const code = String(row.code);
    const given = TILE_FIELDS.filter((f) => row[f] !== null && row[f] !== undefined);
    if (row.level !== 'region') {
      for (const f of given) at(i, f, `${quote(f)} : ${quote(code)} n'est pas une région et n'a pas de tuile sur la carte ; laissez la cellule vide`);
      return;
    }
    for (const f of TILE_FIELDS.filter((f) => !given.includes(f)))
      at(i, f, `${quote(f)} manquant pour la région ${quote(code)} : chaque région a sa tuile sur la carte (libellé court, colonne, ligne)`);
    if (given.length < TILE_FIELDS.length) return;
    const place = `${String(row.tile_col)},${String(row.tile_row)}`;
    const other = places.get(place);
    if (other) at(i, 'tile_col', `tuile (colonne ${String(row.tile_col)}, ligne ${String(row.tile_row)}) déjà occupée par la région ${quote(other)} : une case par région`);
    else places.set(place, code);
    const short = String(row.tile_label);
    const same = shorts.get(short);
    if (same) at(i, 'tile_label', `libellé court ${quote(short)} déjà donné à la région ${quote(same)} : chaque tuile doit se lire seule`);
    else shorts.set(short, code);
  });
  return issues;
}
