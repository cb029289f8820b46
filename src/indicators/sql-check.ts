/**
 * The catalogue's SQL, checked by DuckDB itself before anything is built: each indicator runs
 * against empty tables of the kinds it declares (and the shared views those allow), so that a
 * syntax error, an unknown column or a table it does not declare is located in its file. Its
 * result must have a `value` column, each of its dimensions and, when it declares a published
 * field, a `published` column.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { quote, type DataIssue } from '../data/issues.ts';
import { identifier, literal } from '../engine/load-sql.ts';
import { kindTable, kindTablesSql, sharedViewsSql } from '../engine/kind-tables.ts';
import type { InspectedCatalogue } from './catalogue.ts';

/** DuckDB's message, first line, without its « Binder Error: » prefix. */
const duckdbMessage = (error: unknown) => String((error as Error).message).split('\n')[0]!.replace(/^[\w ]+Error: /, '');

export async function checkIndicatorSql({ catalogue, locations }: InspectedCatalogue): Promise<DataIssue[]> {
  const issues: DataIssue[] = [];
  const at = (key: string, ...p: (string | number)[]) => {
    const located = locations.get(key)!;
    return { file: located.json.file, ...located.json.locate([...located.path, ...p]), severity: 'error' as const };
  };
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  let n = 0;
  // The shared views first, on every kind: a view that does not run is its own error.
  const all = `check_${++n}`;
  await connection.run(`CREATE SCHEMA ${identifier(all)}`);
  for (const sql of kindTablesSql([], all)) await connection.run(sql);
  await connection.run(`SET search_path = ${literal(all)}`);
  const goodViews = [...catalogue.views];
  for (const [i, sql] of sharedViewsSql(catalogue.views, all).entries()) {
    try {
      await connection.run(sql);
    } catch (error) {
      issues.push({ ...at(`view:${catalogue.views[i]!.name}`, 'sql'), message: `la requête SQL de la vue ${quote(catalogue.views[i]!.name)} ne s'exécute pas : ${duckdbMessage(error)}` });
      goodViews.splice(goodViews.indexOf(catalogue.views[i]!), 1);
    }
  }
  for (const indicator of catalogue.indicators) {
    const schema = `check_${++n}`;
    await connection.run(`CREATE SCHEMA ${identifier(schema)}`);
    for (const sql of kindTablesSql([], schema).filter((s) => indicator.reads.some((k) => s.includes(`.${identifier(kindTable(k))} `)))) await connection.run(sql);
    await connection.run(`SET search_path = ${literal(schema)}`);
    // Views whose tables the indicator declares; the others cannot be created here.
    for (const sql of sharedViewsSql(goodViews, schema)) await connection.run(sql).catch(() => undefined);
    let columns: string[];
    try {
      columns = (await connection.runAndReadAll(`DESCRIBE ${indicator.sql}`)).getRowObjectsJS().map((r) => String(r.column_name));
    } catch (error) {
      const message = duckdbMessage(error);
      const undeclared = /Table with name (\w+) does not exist/.exec(message);
      issues.push({
        ...at(indicator.id, 'sql'),
        message: undeclared
          ? `la requête SQL de ${quote(indicator.id)} lit la table ${quote(undeclared[1]!)}, qui n'est pas une table des jeux de données déclarés dans « reads » (${indicator.reads.map(kindTable).join(', ')}) ni une vue partagée (${catalogue.views.map((v) => v.name).join(', ') || 'aucune'}) : ajoutez son type de jeu de données à « reads » ou corrigez le nom`
          : `la requête SQL de ${quote(indicator.id)} ne s'exécute pas : ${message}`,
      });
      continue;
    }
    const required = ['value', ...indicator.dimensions, ...(indicator.published ? ['published'] : [])];
    for (const column of required.filter((c) => !columns.includes(c)))
      issues.push({
        ...at(indicator.id, column === 'value' ? 'sql' : column === 'published' ? 'published' : 'dimensions'),
        message: `le résultat de ${quote(indicator.id)} n'a pas de colonne ${quote(column)} (colonnes : ${columns.join(', ')}) : ${column === 'value' ? 'la valeur calculée se nomme value' : column === 'published' ? 'le chiffre publié comparé se nomme published' : 'chaque dimension est une colonne du résultat'}`,
      });
  }
  connection.closeSync();
  return issues;
}
