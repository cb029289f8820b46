/**
 * The one CSV dialect (src/engine/csv.ts): what the writer produces, native DuckDB reading it back
 * with the loading SQL both engines run (the browser's side is test/browser/awkward-labels.test.ts),
 * and the formula and control-character rules every text follows (src/data/formula.ts).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { formulaSign, neutralise, textProblem } from '../../src/data/formula.ts';
import { writeCsv } from '../../src/engine/csv.ts';
import { createTableSql } from '../../src/engine/load-sql.ts';

// Fake labels, each awkward for a CSV reader or a spreadsheet.
const AWKWARD = ['Libellé "entre guillemets" (fictif)', 'a ; b , c', 'deux\nlignes', "l'apostrophe", 'emoji 🎯', 'tab\tdedans', ''];

describe('the CSV writer', () => {
  it('quotes a cell that needs it and doubles its quotes (RFC 4180), LF between records', () => {
    expect(writeCsv(['a', 'b'], [['x "y"', 'p,q'], ['1\n2', null]])).toBe('a,b\n"x ""y""","p,q"\n"1\n2",\n');
  });

  it('writes numbers and booleans as such, and never neutralises a negative number', () => {
    expect(writeCsv(['n', 'b', 't'], [[-12.5, true, '-12.5']])).toBe("n,b,t\n-12.5,true,'-12.5\n");
  });
});

describe('DuckDB reads what the writer writes', () => {
  it('gives back every awkward label exactly, with the loading SQL of both engines', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cep-csv-'));
    const file = path.join(dir, 'labels.csv');
    writeFileSync(file, writeCsv(['id', 'label'], AWKWARD.map((label, i) => [i, label || null])));
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    await connection.run(createTableSql('labels', { fields: [{ name: 'id', type: 'integer' }, { name: 'label', type: 'string' }] }, file));
    const rows = (await connection.runAndReadAll('SELECT label FROM labels ORDER BY id')).getRowObjectsJS();
    expect(rows.map((r) => r.label)).toEqual(AWKWARD.map((l) => l || null));
    connection.closeSync();
  });
});

describe('formula-like texts', () => {
  it('finds = + - @ after spaces, tabs, CR, LF, no-break spaces and invisible characters', () => {
    for (const lead of ['', ' ', '\t', '\r', '\n', '\u00a0', '\u200b', '\ufeff', '\u0001'])
      for (const sign of ['=', '+', '-', '@']) expect(formulaSign(`${lead}${sign}1+1`), JSON.stringify(lead + sign)).toBe(sign);
    for (const safe of ['moins de 25 ans', '25 ans - 30 ans', 'a=b', '«=»', '−5']) expect(formulaSign(safe), safe).toBeUndefined();
  });

  it('neutralises with a leading apostrophe, and only formula-like texts', () => {
    expect(neutralise('\t=cmd')).toBe("'\t=cmd");
    expect(neutralise('Hauts-de-France')).toBe('Hauts-de-France');
  });

  it('refuses control characters, except tabs and line breaks in a cell', () => {
    expect(textProblem('deux\nlignes', { multiline: true })).toBeUndefined();
    expect(textProblem('tab\tdedans', { multiline: true })).toBeUndefined();
    expect(textProblem('deux\nlignes')).toBe('« deux[U+000A]lignes » contient le caractère de contrôle invisible [U+000A] (souvent collé depuis un PDF ou un tableur) : supprimez-le');
    for (const c of ['\u0000', '\r', '\u001b', '\u007f', '\u0085', '\u009f']) expect(textProblem(`a${c}b`, { multiline: true }), JSON.stringify(c)).toMatch(/caractère de contrôle invisible \[U\+00[0-9A-F]{2}\]/);
  });
});
