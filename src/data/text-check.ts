/**
 * The texts of a package descriptor that reach a CSV or a spreadsheet (titles, descriptions,
 * sources, units, notes, category labels): each checked like a text cell (formula.ts), and
 * located at its string in datapackage.json.
 */
import type { PackageDescriptor } from './descriptors.ts';
import { textProblem } from './formula.ts';
import type { JsonFile } from './json-file.ts';
import { quote, type DataIssue } from './issues.ts';

type Text = { path: (string | number)[]; what: string; text: unknown };

function packageTexts(pkg: PackageDescriptor & { description?: unknown }): Text[] {
  const texts: Text[] = [
    { path: ['title'], what: 'titre du paquet', text: pkg.title },
    { path: ['description'], what: 'description du paquet', text: pkg.description },
  ];
  pkg.resources.forEach((resource, r) => {
    const of = quote(resource.name);
    const at = (...rest: (string | number)[]) => ['resources', r, ...rest];
    const cep = resource.cep;
    texts.push(
      { path: at('title'), what: `titre de ${of}`, text: resource.title },
      { path: at('description'), what: `description de ${of}`, text: (resource as { description?: unknown }).description },
      ...(resource.sources ?? []).map((s, i) => ({ path: at('sources', i, 'title'), what: `source de ${of}`, text: s.title })),
      { path: at('cep', 'unit'), what: `unité de ${of}`, text: cep?.unit },
      { path: at('cep', 'champ'), what: `champ de ${of}`, text: cep?.champ },
      { path: at('cep', 'lecture'), what: `note de lecture de ${of}`, text: cep?.lecture },
      ...(cep?.notes ?? []).map((n, i) => ({ path: at('cep', 'notes', i), what: `note pour les lecteurs de ${of}`, text: n })),
      ...(cep?.technicalNotes ?? []).map((n, i) => ({ path: at('cep', 'technicalNotes', i), what: `note technique de ${of}`, text: n })),
    );
    resource.schema.fields.forEach((field, f) => {
      const column = `de la colonne ${quote(field.name)} de ${of}`;
      texts.push(
        { path: at('schema', 'fields', f, 'title'), what: `titre ${column}`, text: field.title },
        { path: at('schema', 'fields', f, 'description'), what: `description ${column}`, text: field.description },
        // A plain category is a code, checked as a cell; an object's label is shown to readers.
        ...(field.categories ?? []).flatMap((c, i) =>
          typeof c === 'object' ? [{ path: at('schema', 'fields', f, 'categories', i, 'label'), what: `libellé de la catégorie ${quote(String(c.value))} ${column}`, text: c.label }] : [],
        ),
      );
    });
  });
  return texts;
}

/** Pushes an error for each text a spreadsheet would run as a formula or that holds a control character. */
export function checkDescriptorTexts(json: JsonFile, pkg: PackageDescriptor, issues: DataIssue[]): void {
  for (const { path, what, text } of packageTexts(pkg)) {
    if (typeof text !== 'string') continue;
    const problem = textProblem(text);
    if (problem) issues.push({ file: json.file, ...json.locate(path), severity: 'error', message: `${what} : ${problem}` });
  }
}
