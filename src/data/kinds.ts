/**
 * Standard dataset kinds: the tables every report of this kind contains, with fixed columns so
 * that reports of different regions and years can be compared. A resource declares its kind
 * in `cep.kind`; its Table Schema must then list exactly these fields (names, types, order).
 * Report-specific tables use the kind `free` and their own schema.
 */
import type { Field, ForeignKey } from './descriptors.ts';

/**
 * What may be added up in a kind, declared rather than guessed: the explorer's totals and
 * grouped sums follow it (src/explorer/sums.ts). A kind without it is never summed.
 */
export interface Additivity {
  /** Counts whose sum over rows that do not overlap means something. */
  measures: string[];
  /** Key fields whose values do not overlap (operators; territories of one level): rows may differ in them. Every other key field must hold one value in a sum. */
  over: string[];
  /** Values that are published totals of the others of their field (`ensemble`): left out of sums. */
  totals: Record<string, string[]>;
}

export interface KindDefinition {
  title: string;
  fields: Field[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
  additivity?: Additivity;
}

const fk = (field: string, resource: string, target = 'code'): ForeignKey => ({
  fields: [field],
  reference: { resource, fields: [target] },
});
const territory: Field = { name: 'territory', title: 'Territoire', type: 'string', constraints: { required: true } };
const year: Field = { name: 'year', title: 'Année observée', type: 'integer', constraints: { required: true, minimum: 2000, maximum: 2100 } };
const operator: Field = { name: 'operator', title: 'Opérateur', type: 'string', constraints: { required: true } };
const population: Field = { name: 'population', title: 'Population', type: 'string', constraints: { required: true } };
const count = (name: string, title: string): Field => ({ name, title, type: 'integer', constraints: { minimum: 0 } });
const percent = (name: string, title: string): Field => ({ name, title, type: 'number', constraints: { minimum: 0, maximum: 100 } });

export const kinds = {
  'cep-entries-by-operator': {
    title: 'Entrées en CEP par opérateur',
    fields: [
      territory,
      year,
      operator,
      count('entries', 'Nouvelles entrées en CEP'),
      percent('share_published', 'Part publiée (%)'),
      count('reported_gap', 'Écart relevé par le réseau'),
    ],
    primaryKey: ['territory', 'year', 'operator'],
    foreignKeys: [fk('territory', 'territories'), fk('operator', 'operators')],
    additivity: { measures: ['entries'], over: ['territory', 'operator'], totals: { operator: ['ensemble'] } },
  },
  'beneficiary-profile': {
    title: 'Profil des bénéficiaires par opérateur, dimension et catégorie',
    fields: [
      territory,
      year,
      population,
      operator,
      { name: 'dimension', title: 'Dimension', type: 'string', constraints: { required: true } },
      { name: 'category', title: 'Catégorie', type: 'string', constraints: { required: true } },
      count('count', 'Effectif'),
      percent('share', 'Part (%)'),
    ],
    primaryKey: ['territory', 'year', 'population', 'operator', 'dimension', 'category'],
    foreignKeys: [fk('territory', 'territories'), fk('population', 'populations'), fk('operator', 'operators')],
    // Categories may nest (a report's own categories have parents): never added across them.
    additivity: { measures: ['count'], over: ['territory', 'operator'], totals: { operator: ['ensemble'], category: ['ensemble'] } },
  },
  categories: {
    title: 'Catégories propres au rapport',
    fields: [
      { name: 'dimension', title: 'Dimension', type: 'string', constraints: { required: true, pattern: '[a-z0-9]+(-[a-z0-9]+)*' } },
      { name: 'code', title: 'Code', type: 'string', constraints: { required: true, pattern: '[a-z0-9]+(-[a-z0-9]+)*' } },
      { name: 'label', title: 'Libellé', type: 'string', constraints: { required: true } },
      { name: 'parent', title: 'Catégorie parente', type: 'string' },
    ],
    primaryKey: ['dimension', 'code'],
    foreignKeys: [],
  },
  'ptp-files': {
    title: 'Dossiers de projet de transition professionnelle (PTP)',
    fields: [
      territory,
      year,
      count('files', 'Dossiers déposés'),
      count('files_funded', 'Dossiers financés'),
      count('files_with_cep', 'Dossiers accompagnés par un opérateur CEP'),
      percent('funded_rate_published', 'Taux de financement publié (%)'),
      percent('cep_rate_published', 'Part accompagnée par un opérateur CEP publiée (%)'),
    ],
    primaryKey: ['territory', 'year'],
    foreignKeys: [fk('territory', 'territories')],
    additivity: { measures: ['files', 'files_funded', 'files_with_cep'], over: ['territory'], totals: {} },
  },
  'resignation-files': {
    title: 'Dossiers démission-reconversion',
    fields: [
      territory,
      year,
      count('files_total', 'Dossiers examinés'),
      count('files_accepted', 'Dossiers acceptés'),
      count('files_refused', 'Dossiers refusés'),
      percent('acceptance_rate_published', "Taux d'acceptation publié (%)"),
      count('creation_count', "Projets de création ou reprise d'entreprise"),
      count('training_count', 'Projets de formation'),
    ],
    primaryKey: ['territory', 'year'],
    foreignKeys: [fk('territory', 'territories')],
    additivity: { measures: ['files_total', 'files_accepted', 'files_refused', 'creation_count', 'training_count'], over: ['territory'], totals: {} },
  },
  'reference-population': {
    title: 'Populations de référence',
    fields: [
      territory,
      year,
      population,
      count('value', 'Effectif'),
      { name: 'source', title: 'Source', type: 'string', constraints: { required: true } },
    ],
    primaryKey: ['territory', 'year', 'population'],
    foreignKeys: [fk('territory', 'territories'), fk('population', 'populations')],
    additivity: { measures: ['value'], over: ['territory'], totals: {} },
  },
  'key-figures': {
    title: 'Chiffres cités dans le texte',
    fields: [
      { name: 'id', title: 'Identifiant', type: 'string', constraints: { required: true, pattern: '[a-z0-9]+(-[a-z0-9]+)*' } },
      territory,
      year,
      { name: 'operator', title: 'Opérateur', type: 'string' },
      { name: 'population', title: 'Population', type: 'string' },
      { name: 'label', title: 'Ce qui est mesuré', type: 'string', constraints: { required: true } },
      { name: 'value', title: 'Valeur', type: 'number', constraints: { required: true } },
      { name: 'unit', title: 'Unité', type: 'string', constraints: { required: true } },
      { name: 'qualifier', title: 'Précision', type: 'string', constraints: { enum: ['environ', 'plus de', 'moins de', 'au moins'] } },
      { name: 'source', title: 'Source', type: 'string' },
    ],
    primaryKey: ['id'],
    foreignKeys: [fk('territory', 'territories'), fk('operator', 'operators'), fk('population', 'populations')],
  },
  free: { title: 'Tableau propre au rapport', fields: [], primaryKey: [], foreignKeys: [] },
} satisfies Record<string, KindDefinition>;

export type DatasetKind = keyof typeof kinds;
export const datasetKinds = Object.keys(kinds) as DatasetKind[];
