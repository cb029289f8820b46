/**
 * What a reader of a PDF printed by Chromium sees, for the tests: each page's text, the link
 * addresses, and every stream decompressed. Only the part of the format Chromium's printer
 * (Skia) writes: numbered objects, FlateDecode streams with a direct /Length, Type0 fonts with
 * a ToUnicode map, text shown by Tj and TJ. No PDF library is installed (pdfjs-dist would be
 * the one to use for anything more).
 */
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

export interface PdfContent {
  /** Each page's text, in page order; text runs separated by new lines. */
  pages: string[];
  /** The target of every link annotation (/URI). */
  uris: string[];
  /** The whole file as text, streams decompressed: to look for a string anywhere. */
  raw: string;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\s*/g;
  for (let m = header.exec(text); m; m = header.exec(text)) {
    const start = m.index + m[0].length;
    const streamAt = text.indexOf('stream', start);
    const endAt = text.indexOf('endobj', start);
    if (streamAt < 0 || streamAt > endAt) {
      objects.set(Number(m[1]), { dict: text.slice(start, endAt) });
      header.lastIndex = endAt;
      continue;
    }
    const dict = text.slice(start, streamAt);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
    const dataAt = streamAt + 'stream'.length + (text[streamAt + 6] === '\r' ? 2 : 1);
    const data = pdf.subarray(dataAt, dataAt + length);
    objects.set(Number(m[1]), { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(data) : data });
    header.lastIndex = text.indexOf('endobj', dataAt + length);
  }
  return objects;
}

const ref = (dict: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1]);

/** The pages in order, from the catalog's page tree. */
function pageObjects(objects: Map<number, PdfObject>): PdfObject[] {
  const catalog = [...objects.values()].find((o) => /\/Type \/Catalog/.test(o.dict))!;
  const walk = (n: number): PdfObject[] => {
    const node = objects.get(n)!;
    if (!/\/Type \/Pages/.test(node.dict)) return [node];
    const kids = /\/Kids \[([^\]]*)\]/.exec(node.dict)![1]!;
    return [...kids.matchAll(/(\d+) 0 R/g)].flatMap((k) => walk(Number(k[1])));
  };
  return walk(ref(catalog.dict, 'Pages'));
}

const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));

/** A font's glyph → text map, from its ToUnicode CMap (bfchar and bfrange entries). */
function toUnicode(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, glyph, text] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(glyph!.toUpperCase(), utf16(text!));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, lo, hi, first] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      for (let g = parseInt(lo!, 16), i = 0; g <= parseInt(hi!, 16); g++, i++)
        map.set(g.toString(16).toUpperCase().padStart(lo!.length, '0'), String.fromCharCode(parseInt(first!, 16) + i));
  return map;
}

function pageText(page: PdfObject, objects: Map<number, PdfObject>): string {
  const resources = /\/Resources (\d+) 0 R/.test(page.dict) ? objects.get(ref(page.dict, 'Resources'))!.dict : page.dict;
  const fonts = new Map<string, Map<string, string>>();
  for (const [, name, n] of (/\/Font\s*<<([^>]*)>>/.exec(resources)?.[1] ?? '').matchAll(/\/(\w+) (\d+) 0 R/g)) {
    const cmap = objects.get(ref(objects.get(Number(n))!.dict, 'ToUnicode'))?.stream;
    fonts.set(name!, cmap ? toUnicode(cmap.toString('latin1')) : new Map());
  }
  const contents = /\/Contents \[([^\]]*)\]/.exec(page.dict)?.[1] ?? `${ref(page.dict, 'Contents')} 0 R`;
  const ops = [...contents.matchAll(/(\d+) 0 R/g)].map((c) => objects.get(Number(c[1]))!.stream!.toString('latin1')).join('\n');
  let font = new Map<string, string>();
  let text = '';
  // Font changes, text shown, and the start of each text object (a new line).
  for (const [, name, shown] of ops.matchAll(/\/(\w+) [\d.]+ Tf|(<[0-9A-Fa-f]*>|\[[^\]]*\])\s*T[jJ]|\bBT\b/g)) {
    if (name) font = fonts.get(name) ?? new Map();
    else if (shown === undefined) text += '\n';
    else for (const [, hex] of shown!.matchAll(/<([0-9A-Fa-f]*)>/g)) text += (hex!.toUpperCase().match(/.{4}/g) ?? []).map((g) => font.get(g) ?? '').join('');
  }
  return text;
}

export function readPdf(file: string): PdfContent {
  const objects = readObjects(readFileSync(file));
  const raw = [...objects.values()].map((o) => `${o.dict}\n${o.stream?.toString('latin1') ?? ''}`).join('\n');
  return {
    pages: pageObjects(objects).map((page) => pageText(page, objects)),
    uris: [...raw.matchAll(/\/URI \(([^)]*)\)/g)].map((m) => m[1]!),
    raw,
  };
}
