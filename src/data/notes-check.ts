/**
 * Reader notes (`cep.notes`) speak French to readers: they name a table or a figure by its title,
 * never a dataset, a column or a consistency rule by its identifier. An identifier found in one is
 * a warning (released editions keep their old notes), located at the identifier itself, telling
 * the editor to use the title or to move the explanation to `cep.technicalNotes`.
 */
import path from 'node:path';
import type { PackageDescriptor, ResourceDescriptor } from './descriptors.ts';
import { readJsonFile } from './json-file.ts';
import { quote, type DataIssue } from './issues.ts';

/** Every identifier of the package a reader should never see → what it names, for the message. */
export function packageIdentifiers(pkg: PackageDescriptor): Map<string, string> {
  const ids = new Map<string, string>();
  for (const rule of pkg.cep?.rules ?? []) ids.set(rule.id, "l'identifiant d'une règle de cohérence ; dites ce que la règle compare");
  for (const resource of pkg.resources) for (const [name, what] of fieldsOf(resource)) if (!ids.has(name)) ids.set(name, what);
  for (const resource of pkg.resources) ids.set(resource.name, `le nom d'un jeu de données ; son titre est ${quote(resource.title)}`);
  return ids;
}

function fieldsOf(resource: ResourceDescriptor): [string, string][] {
  return resource.schema.fields.map((f) => [f.name, `le nom d'une colonne de ${quote(resource.title)}${f.title ? `, intitulée ${quote(f.title)}` : ''}`]);
}

/** Snake or kebab case tokens, and any word written between guillemets or backquotes. */
const SUSPECT = /[a-z0-9]+(?:[_-][a-z0-9]+)+|(?<=«\s?|`)[a-z0-9_-]+(?=\s?»|`)/gu;

/** Identifiers a reader note names, with their index in the note. */
export function identifiersInNote(note: string, ids: Map<string, string>): { id: string; index: number; what: string }[] {
  // A single plain word (« operator ») is suspect only between quotes, where SUSPECT finds it.
  return [...note.matchAll(SUSPECT)].flatMap((match) => {
    const what = ids.get(match[0]);
    return what ? [{ id: match[0], index: match.index, what }] : [];
  });
}

export function checkReaderNotes(editionDir: string, pkg: PackageDescriptor, issues: DataIssue[]): void {
  const json = readJsonFile(path.join(editionDir, 'datapackage.json'), []);
  if (!json) return;
  const ids = packageIdentifiers(pkg);
  pkg.resources.forEach((resource, r) => {
    // A column of the note's own dataset is the one it most likely means.
    const named = new Map([...ids, ...fieldsOf(resource).filter(([name]) => !pkg.resources.some((o) => o.name === name))]);
    (resource.cep?.notes ?? []).forEach((note, n) => {
      const at = json.locate(['resources', r, 'cep', 'notes', n]);
      for (const { id, index, what } of identifiersInNote(note, named)) {
        // The string's opening quote, then the note as JSON escapes it up to the identifier.
        const column = at.column + 1 + JSON.stringify(note.slice(0, index)).length - 2;
        issues.push({
          file: json.file,
          line: at.line,
          column,
          severity: 'warning',
          message: `note pour les lecteurs de ${quote(resource.name)} : ${quote(id)} est ${what}. Une note pour les lecteurs désigne les tableaux et graphiques par leur titre, sans nom de jeu de données, de colonne ni de règle ; reformulez-la, ou déplacez cette explication dans "technicalNotes" (notes techniques, pour les réutilisateurs des données)`,
        });
      }
    });
  });
}
