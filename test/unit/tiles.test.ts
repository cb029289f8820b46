/**
 * The territories (data/reference/territories.csv), checked like the rest: the tile layout of the
 * national map, and how a sentence places each territory (in_label).
 */
import { describe, expect, it } from 'vitest';
import { inspectData, loadCatalog } from '../../src/data/catalog.ts';
import { overseasTiles, tilesOf } from '../../src/data/tiles.ts';
import { copyOfData } from '../helpers/data-copy.ts';

const errorsOf = (change: (t: string) => string) => {
  const data = copyOfData();
  data.edit('reference/territories.csv', change);
  return inspectData(data.dir, data.content).issues.filter((i) => i.severity === 'error').map((i) => i.message);
};

describe('the tile layout (data/reference/territories.csv)', () => {
  it('gives every region of the list, overseas included, a tile of its own', () => {
    const territories = [...loadCatalog().territories.values()];
    const tiles = tilesOf(territories);
    expect(tiles.map((t) => t.code).sort()).toEqual(territories.filter((t) => t.level === 'region').map((t) => t.code).sort());
    expect(new Set(tiles.map((t) => `${t.col},${t.row}`)).size).toBe(tiles.length);
  });

  it('refuses two regions on one tile, a region without a tile, and a tile for France', () => {
    expect(errorsOf((t) => t.replace(/^(53,Bretagne,[^,]*,bretagne,region,BRE),\d+,\d+$/m, '$1,1,1'))).toEqual([
      expect.stringMatching(/^tuile \(colonne 1, ligne 1\) déjà occupée par la région « \d+ » : une case par région$/),
    ]);
    expect(errorsOf((t) => t.replace(/^(53,Bretagne,[^,]*,bretagne,region,BRE),\d+,/m, '$1,,'))).toEqual([
      '« tile_col » manquant pour la région « 53 » : chaque région a sa tuile sur la carte (libellé court, colonne, ligne)',
    ]);
    expect(errorsOf((t) => t.replace(/^FRM,(.*),,,$/m, 'FRM,$1,,9,9'))).toEqual([
      '« tile_col » : « FRM » n\'est pas une région et n\'a pas de tuile sur la carte ; laissez la cellule vide',
      '« tile_row » : « FRM » n\'est pas une région et n\'a pas de tuile sur la carte ; laissez la cellule vide',
    ]);
  });

  it('keeps its last row for the overseas regions (INSEE codes 01 to 06), as the methodology says', () => {
    const tiles = tilesOf(loadCatalog().territories.values());
    const overseas = tiles.filter((t) => t.code.startsWith('0')).map((t) => t.code);
    expect(overseas.length).toBeGreaterThan(0);
    expect(overseasTiles(tiles).map((t) => t.code).sort()).toEqual(overseas.sort());
  });
});

describe('the territories in a sentence (in_label)', () => {
  it('gives every territory its label with a preposition: « en », « dans les », « à »…', () => {
    const territories = [...loadCatalog().territories.values()];
    expect(territories.length).toBeGreaterThan(0);
    for (const t of territories) expect(t.in_label, t.code).toMatch(/^(en|au|aux|à|dans) \S/u);
    // France entière is « en France » in a sentence; the others end with their label.
    for (const t of territories.filter((x) => x.code !== 'FR')) expect(t.in_label.endsWith(t.label), t.code).toBe(true);
  });

  it('refuses a territory without one, or without its preposition', () => {
    expect(errorsOf((t) => t.replace(/^(53,Bretagne),[^,]*,/m, '$1,,'))).toEqual(['« in_label » : valeur obligatoire manquante']);
    expect(errorsOf((t) => t.replace(/^(53,Bretagne),[^,]*,/m, '$1,Bretagne,'))).toEqual([expect.stringMatching(/^« in_label » : valeur « Bretagne » mal formée : motif attendu /)]);
  });
});
