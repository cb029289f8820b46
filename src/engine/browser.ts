/**
 * DuckDB-WASM in the reader's browser, loaded on demand (dynamic import) and self-hosted:
 * the wasm and worker files are bundled by Vite from the npm package. A report's tables are
 * loaded from its published Data Package, each report in a schema of its own, with the same
 * SQL the build uses; the explorer loads its views the same way.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { Field, PackageDescriptor } from '../data/descriptors.ts';
import type { IndicatorDefinition, IndicatorRow, SharedView } from '../indicators/model.ts';
import { guardRows } from '../indicators/breaks.ts';
import { selectRows, type Selection } from '../indicators/select.ts';
import { createTableSql, identifier, literal, plainRow } from './load-sql.ts';
import { kindTablesSql, schemaName, sharedViewsSql } from './kind-tables.ts';

export type Row = Record<string, string | number | null>;

let database: Promise<duckdb.AsyncDuckDB> | undefined;
const connections = new Map<string, Promise<duckdb.AsyncDuckDBConnection>>();

/** The engine, instantiated once per page. */
export function engine(): Promise<duckdb.AsyncDuckDB> {
  database ??= (async () => {
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(workerUrl));
    await db.instantiate(new URL(wasmUrl, location.href).href);
    return db;
  })();
  return database;
}

async function fetchText(url: URL): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname} : HTTP ${response.status}`);
  return response.text();
}

/**
 * One connection per published package: its datasets in a schema of their own, the kind tables
 * the indicators read in another (engine/kind-tables.ts, as at build time), and the shared views.
 */
function openPackage(packageUrl: string, views: SharedView[]): Promise<duckdb.AsyncDuckDBConnection> {
  let connection = connections.get(packageUrl);
  if (!connection) {
    connection = (async () => {
      const db = await engine();
      const base = new URL(packageUrl, location.href);
      const pkg = JSON.parse(await fetchText(base)) as PackageDescriptor;
      const c = await db.connect();
      const n = connections.size;
      const data = schemaName(`${pkg.name}_data`, n);
      const kinds = schemaName(pkg.name, n);
      await c.query(`CREATE SCHEMA IF NOT EXISTS ${identifier(data)}`);
      for (const resource of pkg.resources) {
        const file = `${pkg.name}/${resource.path}`;
        await db.registerFileText(file, await fetchText(new URL(resource.path, base)));
        await c.query(createTableSql(resource.name, resource.schema, file, data));
      }
      await c.query(`CREATE SCHEMA IF NOT EXISTS ${identifier(kinds)}`);
      const sources = pkg.resources.map((r) => ({ table: `${identifier(data)}.${identifier(r.name)}`, kind: r.cep?.kind }));
      for (const sql of kindTablesSql(sources, kinds)) await c.query(sql);
      await c.query(`SET search_path = ${literal(kinds)}`);
      for (const sql of sharedViewsSql(views, kinds)) await c.query(sql);
      return c;
    })();
    connections.set(packageUrl, connection);
  }
  return connection;
}

// Prepared once per connection and SQL text: the explorer runs the same few shapes again and again.
const prepared = new WeakMap<duckdb.AsyncDuckDBConnection, Map<string, Promise<duckdb.AsyncPreparedStatement>>>();

async function run(connection: duckdb.AsyncDuckDBConnection, sql: string, params: (string | number)[]): Promise<Row[]> {
  let statements = prepared.get(connection);
  if (!statements) prepared.set(connection, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = connection.prepare(sql)));
  const result = await (await statement).query(...params);
  return result.toArray().map((row) => row.toJSON() as Row);
}

const results = new Map<string, Promise<IndicatorRow[]>>();

/**
 * An indicator of a report, computed from its published data with the SQL of the build (handed
 * over by the page: the catalogue lives in data/), once per package; then the rows of a selection.
 */
export async function runIndicator(
  packageUrl: string,
  indicator: Pick<IndicatorDefinition, 'id' | 'sql' | 'breaks' | 'compares' | 'definitionVersion'>,
  views: SharedView[],
  selection: Selection = {},
): Promise<IndicatorRow[]> {
  const key = `${packageUrl}\n${indicator.id}`;
  let rows = results.get(key);
  if (!rows) {
    rows = openPackage(packageUrl, views).then(async (c) => guardRows(indicator, (await c.query(indicator.sql)).toArray().map((r) => plainRow<IndicatorRow>(r.toJSON() as Row))));
    results.set(key, rows);
  }
  return selectRows(await rows, selection);
}

let explorer: Promise<duckdb.AsyncDuckDBConnection> | undefined;
const views = new Map<string, Promise<void>>();

function explorerConnection(): Promise<duckdb.AsyncDuckDBConnection> {
  explorer ??= engine().then(async (db) => {
    const c = await db.connect();
    await c.query('CREATE SCHEMA IF NOT EXISTS explorateur');
    await c.query(`SET search_path = 'explorateur'`);
    return c;
  });
  return explorer;
}

/** Loads one explorer view as a table of the explorer's schema, from the CSV text the page already fetched (not downloaded twice). */
export function loadView(table: string, csvText: Promise<string>, fields: Pick<Field, 'name' | 'type'>[]): Promise<void> {
  void explorerConnection();
  let view = views.get(table);
  if (!view) {
    view = (async () => {
      const db = await engine();
      const c = await explorer!;
      const file = `explorateur/${table}.csv`;
      await db.registerFileText(file, await csvText);
      await c.query(createTableSql(table, { fields: fields as Field[] }, file, 'explorateur'));
    })();
    views.set(table, view);
  }
  return view;
}

/** A query over the explorer's views: the SQL is built from an allowlist, values are bound. */
export async function queryViews(sql: string, params: (string | number)[]): Promise<Row[]> {
  return run(await explorerConnection(), sql, params);
}
