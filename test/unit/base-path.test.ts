/**
 * The site deployed in a folder (a GitHub Pages project site): built with CEP_BASE_PATH, every
 * link, script, stylesheet and data URL of every page is under that folder and points to a file
 * the build wrote, and the PDF step (which serves the site under its base) still runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/data/catalog.ts';
import { contentDir } from '../../src/data/paths.ts';
import { readChapters } from '../../src/editions/compare.ts';

const BASE = '/cep-rapports/';
const outDir = mkdtempSync(path.join(tmpdir(), 'cep-base-'));

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? htmlFiles(full) : name.endsWith('.html') ? [full] : [];
  });
}

/** The file a URL path of the deployed site is served from, if the build wrote it. */
function served(url: string): boolean {
  const rel = decodeURIComponent(url.slice(BASE.length).split(/[?#]/)[0]!);
  const file = path.join(outDir, rel);
  return existsSync(rel === '' || rel.endsWith('/') ? path.join(file, 'index.html') : file);
}

describe(`the site built for ${BASE}`, () => {
  let build: ReturnType<typeof spawnSync>;
  beforeAll(() => {
    build = spawnSync('npx', ['tsx', 'scripts/build.ts', outDir], {
      env: { ...process.env, CEP_BASE_PATH: BASE, ASTRO_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
    });
  });

  it('builds, PDFs included', () => {
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
    // Each edition with pages, whatever reports the catalog holds, has its PDF.
    const catalog = loadCatalog();
    const editions = catalog.editions.filter((e) => readChapters(contentDir(), e.editionId).length > 0);
    expect(editions.length).toBeGreaterThan(0);
    for (const e of editions) expect(existsSync(path.join(outDir, e.editionId, 'rapport.pdf')), e.editionId).toBe(true);
  });

  it('every site-absolute URL of every page is under the base path and served', () => {
    const outside: string[] = [];
    const missing: string[] = [];
    const pages = htmlFiles(outDir);
    expect(pages.length).toBeGreaterThan(50);
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      const page = path.relative(outDir, file);
      // Attributes, and the URLs that islands read from their JSON state (explorer views, data packages).
      const urls = [...html.matchAll(/(?:href|src|action)="(\/[^"]*)"|&quot;(\/[^&]*)&quot;|"(\/(?:donnees|pagefind|_astro)\/[^"]*)"/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
      for (const url of urls) {
        if (url.startsWith('//')) continue;
        if (!url.startsWith(BASE)) outside.push(`${page}: ${url}`);
        else if (!served(url)) missing.push(`${page}: ${url}`);
      }
    }
    expect(outside).toEqual([]);
    expect(missing).toEqual([]);
  });
});
