/**
 * The typography pass over the built site (astro:build:done): every HTML page of the output
 * folder goes through typesetHtml(), before scripts/build.ts indexes it for search (Pagefind)
 * and prints it to PDF, so that both see the same text as readers.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { typesetHtml } from './html.ts';

/** Every .html file under a folder. */
export async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => path.join(e.parentPath, e.name));
}

/** Typesets the pages of a built site in place; returns how many pages it rewrote out of how many. */
export async function typesetSite(dir: string): Promise<{ pages: number; rewritten: number }> {
  const files = await htmlFiles(dir);
  let rewritten = 0;
  for (const file of files) {
    const fixed = typesetHtml(await readFile(file, 'utf8'));
    if (fixed === null) continue;
    await writeFile(file, fixed);
    rewritten++;
  }
  return { pages: files.length, rewritten };
}

export function typography(): AstroIntegration {
  return {
    name: 'cep-typography',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const start = performance.now();
        const { pages, rewritten } = await typesetSite(fileURLToPath(dir));
        logger.info(`typographie : ${rewritten} page(s) corrigée(s) sur ${pages} en ${Math.round(performance.now() - start)} ms`);
      },
    },
  };
}
