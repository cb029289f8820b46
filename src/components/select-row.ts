import { quote } from '../data/issues.ts';
import type { Resource } from '../data/catalog.ts';
import type { Row } from '../data/table.ts';

/**
 * The one row of a dataset that an editor's props designate (`territory="28" year={2023}`):
 * the build fails with a readable message when they designate none or several.
 */
export function selectRow(component: string, reportId: string, resource: Resource, where: Record<string, unknown>): Row {
  const fields = resource.descriptor.schema.fields.map((f) => f.name);
  for (const key of Object.keys(where))
    if (!fields.includes(key)) throw new Error(`<${component} dataset="${resource.descriptor.name}">: attribut ${quote(key)} inconnu ; champs du jeu de données : ${fields.join(', ')}`);
  const rows = resource.table.rows.filter((row) => Object.entries(where).every(([k, v]) => String(row[k]) === String(v)));
  if (rows.length !== 1) {
    const shown = Object.entries(where).map(([k, v]) => `${k}="${String(v)}"`).join(' ');
    throw new Error(`<${component} dataset="${resource.descriptor.name}" ${shown}>: ${rows.length} ligne(s) trouvée(s) dans ${reportId}, une seule attendue`);
  }
  return rows[0]!;
}
