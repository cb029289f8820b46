/**
 * Every indicator of the catalogue gives the same rows in both engines: native DuckDB (the
 * build) and DuckDB-WASM in Chromium (the reader's browser), on every edition of the catalog.
 * The browser side is the site's own engine module (src/engine/browser.ts), bundled by esbuild
 * and served with the wasm files and each edition's published Data Package from a local server.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/data/catalog.ts';
import { publishedCsv, publishedPackage, publishedResources } from '../../src/data/publish.ts';
import { indicatorRows } from '../../src/engine/node.ts';
import { loadIndicators } from '../../src/indicators/catalogue.ts';
import { sharedBrowser } from './shared-browser.ts';
import { watchedPage } from '../../src/browser/chromium.ts';

const catalog = loadCatalog();
const { indicators, views } = loadIndicators();
const wasmDir = path.resolve('node_modules/@duckdb/duckdb-wasm/dist');
const browser = sharedBrowser();
let server: Server;
let baseUrl: string;

/** The files the page may ask for: the bundled engine, DuckDB's files, each edition's package. */
async function files(): Promise<Map<string, { type: string; body: string | Buffer }>> {
  const bundle = await build({
    entryPoints: [path.resolve('src/engine/browser.ts')],
    bundle: true,
    format: 'esm',
    write: false,
    // Vite's `?url` imports: the file's address on this server.
    plugins: [
      {
        name: 'url-imports',
        setup(b) {
          b.onResolve({ filter: /\?url$/ }, (args) => ({ path: path.basename(args.path.replace(/\?url$/, '')), namespace: 'url' }));
          b.onLoad({ filter: /.*/, namespace: 'url' }, (args) => ({ contents: `export default ${JSON.stringify(`/files/${args.path}`)};`, loader: 'js' }));
        },
      },
    ],
  });
  const out = new Map<string, { type: string; body: string | Buffer }>([
    // The page hands the engine module to the test (a dynamic import inside evaluate() would be rewritten by Vitest).
    ['/', { type: 'text/html', body: '<!doctype html><title>moteurs</title><script type="module">import * as engine from "/engine.js"; window.cepEngine = engine;</script>' }],
    ['/favicon.ico', { type: 'image/svg+xml', body: readFileSync(path.resolve('public/favicon.svg')) }],
    ['/engine.js', { type: 'text/javascript', body: bundle.outputFiles[0]!.text }],
    ['/files/duckdb-eh.wasm', { type: 'application/wasm', body: readFileSync(path.join(wasmDir, 'duckdb-eh.wasm')) }],
    ['/files/duckdb-browser-eh.worker.js', { type: 'text/javascript', body: readFileSync(path.join(wasmDir, 'duckdb-browser-eh.worker.js')) }],
  ]);
  for (const report of catalog.editions) {
    out.set(`/data/${report.editionId}/datapackage.json`, { type: 'application/json', body: JSON.stringify(publishedPackage(catalog, report)) });
    for (const r of publishedResources(catalog, report)) out.set(`/data/${report.editionId}/${r.descriptor.name}.csv`, { type: 'text/csv', body: publishedCsv(r) });
  }
  return out;
}

beforeAll(async () => {
  const served = await files();
  server = createServer((req, res) => {
    const file = served.get(new URL(req.url ?? '/', 'http://x').pathname);
    res.writeHead(file ? 200 : 404, { 'Content-Type': file?.type ?? 'text/plain' });
    res.end(file?.body ?? 'absent');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('native DuckDB and DuckDB-WASM in Chromium', () => {
  it('compute the same rows for every indicator on every edition', async () => {
    expect(catalog.editions.length).toBeGreaterThan(0);
    const { page, consoleErrors } = await watchedPage(browser());
    await page.goto(`${baseUrl}/`);
    await page.waitForFunction(() => 'cepEngine' in window);
    let compared = 0;
    for (const report of catalog.editions) {
      const packageUrl = `/data/${report.editionId}/datapackage.json`;
      const inBrowser = (await page.evaluate(
        async ({ packageUrl, indicators, views }) => {
          const engine = (window as unknown as { cepEngine: { runIndicator: (...args: unknown[]) => Promise<unknown[]> } }).cepEngine;
          const out: Record<string, unknown[]> = {};
          for (const indicator of indicators) out[indicator.id] = await engine.runIndicator(packageUrl, indicator, views);
          return out;
        },
        { packageUrl, indicators: indicators.map((i) => ({ id: i.id, sql: i.sql })), views },
      )) as Record<string, Record<string, unknown>[]>;
      for (const indicator of indicators) {
        const native = await indicatorRows(report, indicator);
        const wasm = inBrowser[indicator.id]!;
        expect(wasm.length, `${report.editionId} ${indicator.id}`).toBe(native.length);
        native.forEach((row, i) => {
          for (const [column, value] of Object.entries(row)) {
            const other = wasm[i]![column];
            if (typeof value === 'number') expect(other, `${report.editionId} ${indicator.id} ligne ${i} ${column}`).toBeCloseTo(value, 9);
            else expect(other ?? null, `${report.editionId} ${indicator.id} ligne ${i} ${column}`).toEqual(value);
          }
        });
        compared += native.length;
      }
    }
    // The shipped data gives rows to compare, not only empty results.
    expect(compared).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
  });
});
