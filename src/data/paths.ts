import path from 'node:path';

/**
 * Where the data lives. Resolved from the working directory (the project root for every npm
 * script), not from import.meta.url, which points into dist/ once Astro has bundled the code.
 * CEP_DATA_DIR lets tests build the site from a modified copy of the data.
 */
export function dataDir(): string {
  return path.resolve(process.env.CEP_DATA_DIR ?? path.join(process.cwd(), 'data'));
}

/** Where the chapters live; CEP_CONTENT_DIR lets tests build the site from a modified copy. */
export function contentDir(): string {
  return path.resolve(process.env.CEP_CONTENT_DIR ?? path.join(process.cwd(), 'content'));
}

/** Path shown in messages: relative to the working directory, with forward slashes. */
export function displayPath(absolute: string): string {
  const rel = path.relative(process.cwd(), absolute);
  return (rel.startsWith('..') ? absolute : rel).split(path.sep).join('/');
}
