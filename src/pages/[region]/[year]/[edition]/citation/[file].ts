/** Citation files of each edition and chapter (src/citation/): /<region>/<year>/v<N>/citation/<name>.bib|.json. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { citationFilePaths } from '../../../../../citation/files.ts';

export const getStaticPaths = (() => citationFilePaths()) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response((props as { body: string }).body);
