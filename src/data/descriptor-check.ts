/**
 * What the JSON Schemas cannot see in a package descriptor: resource names used twice, keys
 * that name fields the table does not have, patterns that are not regular expressions; and
 * the files it names that are not beside it.
 * Checked before any table is read, so that the tables' messages never follow from them.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { PackageDescriptor } from './descriptors.ts';
import type { JsonFile } from './json-file.ts';
import { quote, type DataIssue } from './issues.ts';

export function checkDescriptorReferences(json: JsonFile, pkg: PackageDescriptor, issues: DataIssue[]): boolean {
  const before = issues.length;
  const problem = (path: (string | number)[], message: string) => issues.push({ file: json.file, ...json.locate(path), severity: 'error', message });
  const firstByName = new Map<string, number>();
  pkg.resources.forEach((resource, r) => {
    const seen = firstByName.get(resource.name);
    if (seen !== undefined)
      problem(['resources', r, 'name'], `ressource ${quote(resource.name)} en double : déjà déclarée ligne ${json.locate(['resources', seen, 'name']).line}`);
    else firstByName.set(resource.name, r);

    const names = resource.schema.fields.map((f) => f.name);
    const unknown = (what: string, field: string) => `${what} : champ ${quote(field)} inconnu dans ${quote(resource.name)} : attendu ${names.join(', ')}`;
    (resource.schema.primaryKey ?? []).forEach((field, i) => {
      if (!names.includes(field)) problem(['resources', r, 'schema', 'primaryKey', i], unknown('clé primaire', field));
    });
    (resource.schema.foreignKeys ?? []).forEach((fk, k) =>
      fk.fields.forEach((field, i) => {
        if (!names.includes(field)) problem(['resources', r, 'schema', 'foreignKeys', k, 'fields', i], unknown('clé étrangère', field));
      }),
    );
    resource.schema.fields.forEach((field, f) => {
      const pattern = field.constraints?.pattern;
      if (pattern === undefined) return;
      try {
        new RegExp(pattern, 'u');
      } catch {
        problem(['resources', r, 'schema', 'fields', f, 'constraints', 'pattern'], `descripteur : ${quote(`/resources/${r}/schema/fields/${f}/constraints/pattern`)} : expression régulière invalide ${quote(pattern)}`);
      }
    });
  });
  return issues.length === before;
}

/**
 * The resources whose file is not beside the descriptor, each reported at its `path` line (the
 * one to correct when the name is wrong). Their tables are not read; the others still are.
 */
export function missingResourceFiles(json: JsonFile, pkg: PackageDescriptor, issues: DataIssue[]): Set<string> {
  const missing = new Set<string>();
  pkg.resources.forEach((resource, r) => {
    if (existsSync(path.join(path.dirname(json.absolute), resource.path))) return;
    missing.add(resource.name);
    issues.push({
      file: json.file,
      ...json.locate(['resources', r, 'path']),
      severity: 'error',
      message: `ressource ${quote(resource.name)} : fichier ${quote(resource.path)} introuvable dans le dossier du descripteur : ajoutez-le à ce dossier, ou corrigez ce chemin`,
    });
  });
  return missing;
}
