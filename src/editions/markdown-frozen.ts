/**
 * The warning that opens `npm run diff`'s summary when the working tree changes an edition
 * released on the ref (src/editions/base-check.ts): reviewers see it before any figure.
 */
import { formatInteger } from '../format/number.ts';
import type { FrozenChange } from './base-check.ts';

/** A file of an edition released on the ref, changed: its path in the repository, what happened, its edition. */
export interface FrozenFile {
  file: string;
  change: FrozenChange;
  edition: string;
}

const code = (s: string) => `\`${s}\``;

/** The block, a Markdown quote listing the files (at most `maxItems`); none without a change. */
export function frozenWarning(frozen: FrozenFile[], before: string, maxItems: number): string[] {
  if (frozen.length === 0) return [];
  const editions = [...new Set(frozen.map((f) => f.edition))];
  const several = editions.length > 1;
  // One line per file and change (a lock changed for several of its entries is listed once).
  const items = [...new Set(frozen.map((f) => `> - ${code(f.file)} : ${f.change}`))];
  const rest = items.length - maxItems;
  const listed = rest > 0 ? [...items.slice(0, maxItems), `> - … et ${formatInteger(rest)} autre${rest > 1 ? 's' : ''}`] : items;
  const changes = `${formatInteger(items.length)} changement${items.length > 1 ? 's' : ''}`;
  return [
    `> ⚠️ **${several ? 'Éditions publiées modifiées' : 'Édition publiée modifiée'}** : ${editions.map(code).join(', ')}, ${several ? 'publiées' : 'publiée'} sur ${before}, ${changes}. Une édition publiée ne change jamais : rétablissez ces fichiers tels qu'ils sont sur ${before} et faites la correction dans une nouvelle édition (\`npm run new-version\`, voir CONTRIBUTING.md) ; \`npm run validate -- --base\` localise chaque changement.`,
    '>',
    ...listed,
    '',
  ];
}
