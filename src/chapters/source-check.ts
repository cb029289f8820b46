/**
 * Each chapter's source, before the data is looked at: a front matter with what
 * src/content.config.ts declares and nothing else (a chapter's address comes from its file:
 * a `slug` could put it in a released edition), MDX that parses, and nothing but data
 * (mdx-safety.ts). Run by inspectData, so that `npm run validate` and the build refuse it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { quote, type DataIssue } from '../data/issues.ts';
import { displayPath } from '../data/paths.ts';
import { positions } from '../data/text-file.ts';
import { unsafeContent } from './mdx-safety.ts';
import { parseChapter, type Finding, type MdxNode } from './mdx-tree.ts';

/** The front matter keys of src/content.config.ts (its schema is strict too). */
export const FRONT_MATTER_KEYS = ['title', 'summary'] as const;

/** content/reports/<slug>/<year>/v<N>/*.mdx, each with the edition it belongs to. */
export function chapterFiles(root: string): { file: string; edition: string }[] {
  const reports = path.join(root, 'reports');
  if (!existsSync(reports)) return [];
  const folders = (dir: string) => readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  return folders(reports).flatMap((slug) =>
    folders(path.join(reports, slug)).flatMap((year) =>
      folders(path.join(reports, slug, year)).flatMap((edition) =>
        readdirSync(path.join(reports, slug, year, edition))
          .filter((f) => f.endsWith('.mdx'))
          .map((f) => ({ file: path.join(reports, slug, year, edition, f), edition: `${slug}/${year}/${edition}` })),
      ),
    ),
  );
}

const TOP_LEVEL_KEY = /^(["']?)([^\s#"':][^:]*?)\1\s*:(?:\s|$)/;

function keyMessage(key: string): string {
  if (key === 'slug' || key === 'id')
    return `clé ${quote(key)} refusée dans l'en-tête : l'adresse d'un chapitre vient de son fichier : retirez ${key} (pour changer l'adresse, renommez le fichier ; un chapitre d'une édition publiée se corrige dans une nouvelle édition : npm run new-version, voir CONTRIBUTING.md)`;
  return `clé ${quote(key)} inconnue dans l'en-tête : un chapitre n'a que ${FRONT_MATTER_KEYS.join(' et ')} ; retirez ${key}`;
}

/** The front matter's keys: only those of the content schema, each at its line. */
function frontMatterFindings(text: string, tree: MdxNode): Finding[] {
  const yaml = tree.children?.[0]?.type === 'yaml' ? tree.children[0] : undefined;
  const fields = FRONT_MATTER_KEYS.join(', ');
  if (!yaml) return [{ offset: 0, message: `en-tête manquant : un chapitre commence par ---, puis ${fields} (une ligne chacun, « title: … »), puis --- (voir CONTRIBUTING.md)` }];
  const lines = (yaml.value ?? '').split('\n');
  let offset = text.indexOf('\n', yaml.position?.start.offset ?? 0) + 1;
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    const key = TOP_LEVEL_KEY.exec(line)?.[2];
    if (key !== undefined) {
      seen.add(key);
      if (!(FRONT_MATTER_KEYS as readonly string[]).includes(key)) findings.push({ offset, message: keyMessage(key) });
    }
    offset += line.length + 1;
  }
  for (const key of FRONT_MATTER_KEYS)
    if (!seen.has(key)) findings.push({ offset: yaml.position?.start.offset ?? 0, message: `en-tête sans ${key} : ajoutez une ligne « ${key}: … » entre les deux --- (voir CONTRIBUTING.md)` });
  return findings;
}

/** What to write instead, for the MDX syntax errors editors make; the parser's words otherwise. */
function syntaxMessage(reason: string): string {
  if (reason.includes('to create a comment in MDX'))
    return `commentaire HTML <!-- … --> refusé : en MDX, un commentaire s'écrit {/* … */}`;
  if (reason.includes('to create a link in MDX')) return `lien <https://…> refusé : en MDX, un lien s'écrit [texte](https://…)`;
  return `MDX illisible : un commentaire s'écrit {/* … */}, un lien [texte](https://…), un composant se ferme (<Data … />), un élément HTML aussi (<span>…</span>) ; voir CONTRIBUTING.md (message du lecteur MDX, en anglais : ${reason})`;
}

/** The problems of one chapter's source, located. */
export function checkChapterSource(file: string, text: string): DataIssue[] {
  const issue = (line: number, column: number, message: string): DataIssue => ({ file: displayPath(file), line, column, severity: 'error', message });
  if (text.trim() === '')
    return [issue(1, 1, `chapitre vide : un chapitre commence par son en-tête (---, puis title: … et summary: …, puis ---) suivi de son texte ; écrivez-le, ou supprimez le fichier`)];
  const parsed = parseChapter(text);
  if ('error' in parsed) return [issue(parsed.error.line, parsed.error.column, syntaxMessage(parsed.error.reason))];
  const at = positions(text);
  return [...frontMatterFindings(text, parsed.tree), ...unsafeContent(text, parsed.tree)].map((f) => {
    const { line, column } = at(f.offset);
    return issue(line, column, f.message);
  });
}

/** Every chapter under the content root. */
export function checkChapterSources(root: string): DataIssue[] {
  return chapterFiles(root).flatMap(({ file }) => checkChapterSource(file, readFileSync(file, 'utf8')));
}
