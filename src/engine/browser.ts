/**
 * DuckDB-WASM in the reader's browser, loaded on demand (dynamic import) and self-hosted:
 * the wasm and worker files are bundled by Vite from the npm package. Tables are loaded from
 * the report's published Data Package, with the same SQL the build uses.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { PackageDescriptor } from '../data/descriptors.ts';
import { bindParams, getIndicator, type IndicatorRow, type ParamValues } from '../indicators/definitions.ts';
import { createTableSql } from './load-sql.ts';

let database: Promise<duckdb.AsyncDuckDB> | undefined;
const connections = new Map<string, Promise<duckdb.AsyncDuckDBConnection>>();

function instantiate(): Promise<duckdb.AsyncDuckDB> {
  database ??= (async () => {
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(workerUrl));
    await db.instantiate(new URL(wasmUrl, location.href).href);
    return db;
  })();
  return database;
}

async function fetchOk(url: URL): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname} : HTTP ${response.status}`);
  return response;
}

/** One connection per published package (a report page shows one report). */
async function open(packageUrl: string): Promise<duckdb.AsyncDuckDBConnection> {
  const db = await instantiate();
  const base = new URL(packageUrl, location.href);
  const pkg = (await (await fetchOk(base)).json()) as PackageDescriptor;
  const connection = await db.connect();
  for (const resource of pkg.resources) {
    const file = `${pkg.name}/${resource.path}`;
    await db.registerFileText(file, await (await fetchOk(new URL(resource.path, base))).text());
    await connection.query(createTableSql(resource.name, resource.schema, file));
  }
  return connection;
}

export async function runIndicator(
  packageUrl: string,
  indicatorId: string,
  params: ParamValues,
): Promise<IndicatorRow[]> {
  let connection = connections.get(packageUrl);
  if (!connection) {
    connection = open(packageUrl);
    connections.set(packageUrl, connection);
  }
  const indicator = getIndicator(indicatorId);
  const statement = await (await connection).prepare(indicator.sql);
  try {
    const result = await statement.query(...bindParams(indicator, params));
    return result.toArray().map((row) => row.toJSON() as IndicatorRow);
  } finally {
    await statement.close();
  }
}
