import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { checkRegularFiles } from './data/file-kinds.ts';
import { formatIssue } from './data/issues.ts';

/**
 * Chapters of the reports: content/reports/<region-slug>/<year>/v<N>/<NN>-<name>.mdx.
 * The path says which report a chapter belongs to; the number gives its place in the plan.
 */
// CEP_CONTENT_DIR lets tests build the site from a modified copy of the chapters.
const contentDir = process.env.CEP_CONTENT_DIR ?? './content';

// Astro's glob loader follows links (and would block on a FIFO): even a bare `astro build`, which
// skips `npm run validate`, reads regular files only (src/data/file-kinds.ts).
const irregular = checkRegularFiles([contentDir]);
if (irregular.length > 0) throw new Error(irregular.map(formatIssue).join('\n'));

const chapters = defineCollection({
  loader: glob({ pattern: '*/*/v*/*.mdx', base: `${contentDir}/reports` }),
  // Strict: a chapter's identity is its path; a `slug` (or any other key) would let a later
  // edition replace a released chapter's page (src/chapters/source-check.ts refuses it first).
  schema: z
    .object({
      /** Chapter title, as shown in the table of contents. */
      title: z.string().min(1),
      /** One sentence saying what the chapter is about, for lists and search results. */
      summary: z.string().min(1),
    })
    .strict(),
});

/** Acronyms and terms of the field, in content/glossaire.json. */
const glossary = defineCollection({
  loader: file(`${contentDir}/glossaire.json`),
  schema: z.object({
    /** As written in the reports (« PTP »). */
    term: z.string().min(1),
    /** What the acronym stands for. */
    expansion: z.string().min(1),
    /** One or two sentences for the public. */
    definition: z.string().min(1),
    /** Other ways the chapters write it (« Pôle emploi » for France Travail), linked to it too. */
    aliases: z.array(z.string().min(1)).optional(),
  }),
});

export const collections = { chapters, glossary };
