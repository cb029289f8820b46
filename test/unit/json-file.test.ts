/**
 * Reading JSON and text strictly: bytes that are not UTF-8 are refused at the first bad byte,
 * a key written twice in one object at its second occurrence.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DataIssue } from '../../src/data/issues.ts';
import { readJsonFile } from '../../src/data/json-file.ts';
import { readUtf8Text } from '../../src/data/text-file.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'cep-json-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function fileWith(bytes: Buffer | string): string {
  const file = path.join(dir, `f${n++}.json`);
  writeFileSync(file, bytes);
  return file;
}

/** Where the one issue of reading these bytes is, and the byte it names. */
function badByte(bytes: Buffer): { line: number; column: number; byte?: string } {
  const issues: DataIssue[] = [];
  expect(readUtf8Text(fileWith(bytes), issues)).toBeUndefined();
  expect(issues).toHaveLength(1);
  expect(issues[0]!.message).toMatch(/^octets qui ne sont pas de l'UTF-8 \(0x[0-9A-F]{2}\) : .*enregistrez le fichier en UTF-8/);
  return { line: issues[0]!.line, column: issues[0]!.column, byte: issues[0]!.message.match(/0x[0-9A-F]{2}/)?.[0] };
}

describe('readUtf8Text', () => {
  it('locates a Latin-1 letter at its line and column', () => {
    expect(badByte(Buffer.from('{\n  "t": "Norm\xe0ndie"\n}\n', 'latin1'))).toEqual({ line: 2, column: 13, byte: '0xE0' });
  });

  it('counts the text before it in characters (UTF-16 units, as the other messages), not in bytes', () => {
    expect(badByte(Buffer.concat([Buffer.from('é😀 '), Buffer.from([0x80])]))).toEqual({ line: 1, column: 5, byte: '0x80' });
  });

  it('finds a character cut at the end of the file', () => {
    expect(badByte(Buffer.from([0x61, 0x62, 0xe2, 0x80]))).toEqual({ line: 1, column: 3, byte: '0xE2' });
  });

  it('reads UTF-8, with or without a byte order mark', () => {
    const issues: DataIssue[] = [];
    expect(readUtf8Text(fileWith('\ufeffNormandie ’ 😀'), issues)).toBe('Normandie ’ 😀');
    expect(issues).toEqual([]);
  });
});

describe('readJsonFile', () => {
  const read = (text: string) => {
    const issues: DataIssue[] = [];
    const json = readJsonFile(fileWith(text), issues);
    return { json, messages: issues.map((i) => `${i.line}:${i.column}: ${i.message}`) };
  };

  it('refuses a key written twice in one object, at the second one', () => {
    const { json, messages } = read('{\n  "a": { "x": 1, "y": 2,\n    "x": 3 },\n  "b": { "x": 4 }\n}\n');
    expect(json).toBeUndefined();
    expect(messages).toEqual(['3:5: clé « x » en double (déjà ligne 2) : la seconde remplacerait la première ; gardez-en une']);
  });

  it('accepts the same key in different objects', () => {
    const { json, messages } = read('[{ "x": 1 }, { "x": 2, "y": { "x": 3 } }]');
    expect(messages).toEqual([]);
    expect(json?.value).toEqual([{ x: 1 }, { x: 2, y: { x: 3 } }]);
  });

  it('names a syntax error in French', () => {
    expect(read('{ "a": 1 "b": 2 }').messages).toEqual(['1:10: JSON invalide : virgule attendue ; vérifiez les virgules, guillemets et accolades autour de cette position']);
  });
});
