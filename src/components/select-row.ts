import { distinguishingChoices, fieldChoices, selectorChoices } from '../data/choices.ts';
import { quote } from '../data/issues.ts';
import type { Resource } from '../data/catalog.ts';
import type { Row } from '../data/table.ts';

/**
 * The one row of a dataset that an editor's props designate (`territory="28" year={2023}`):
 * the build fails with a readable message when they designate none or several, listing what
 * the editor can choose from (the fields, the values present, the fields that tell rows apart).
 */
export function selectRow(component: string, reportId: string, resource: Resource, where: Record<string, unknown>): Row {
  const tag = `<${component} dataset="${resource.descriptor.name}"`;
  const fields = resource.descriptor.schema.fields.map((f) => f.name);
  for (const key of Object.keys(where))
    if (!fields.includes(key)) throw new Error(`${tag}>: attribut ${quote(key)} inconnu ; attendu un des ${fieldChoices(resource)}`);
  const rows = resource.table.rows.filter((row) => Object.entries(where).every(([k, v]) => String(row[k]) === String(v)));
  if (rows.length === 1) return rows[0]!;
  const shown = Object.entries(where).map(([k, v]) => `${k}="${String(v)}"`).join(' ');
  if (rows.length === 0) throw new Error(`${tag} ${shown}>: aucune ligne trouvée dans ${reportId}, une seule attendue ; ${selectorChoices(resource, where)}`);
  throw new Error(`${tag} ${shown}>: ${rows.length} lignes trouvées dans ${reportId}, une seule attendue ; ${distinguishingChoices(resource, rows, where)}`);
}
