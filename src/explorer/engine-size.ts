/**
 * DuckDB-WASM's size as the site serves it, read from the files the build bundles (the wasm and
 * its worker, copied as they are), so that the explorer never announces a size that is not true.
 * Build-time only.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { formatPublished } from '../format/number.ts';

const ENGINE_FILES = ['duckdb-eh.wasm', 'duckdb-browser-eh.worker.js'];

export function engineBytes(): number {
  const dist = path.resolve('node_modules/@duckdb/duckdb-wasm/dist');
  return ENGINE_FILES.reduce((total, file) => total + statSync(path.join(dist, file)).size, 0);
}

/** « 35 Mo » (millions of bytes, as the French « Mo »). */
export const engineSize = () => `${formatPublished(Math.round(engineBytes() / 1e6))}\u00a0Mo`;
