/**
 * The descriptors we read: Frictionless Data Package v2, plus what our reports add.
 * The JSON Schemas below are the documentation of those additions; the official v2 profile
 * (vendored in profiles/) checks the rest.
 */
import datapackageProfile from './profiles/datapackage.json' with { type: 'json' };
import { ajv } from './json-file.ts';
import { datasetKinds, type DatasetKind } from './kinds.ts';
import { ruleSchema, type Rule } from './rules-schema.ts';

export type FieldType = 'string' | 'integer' | 'number' | 'date' | 'boolean';
export type { DatasetKind };

export interface Field {
  name: string;
  title?: string;
  description?: string;
  type: FieldType;
  /** Decimal mark of a number field in the file (v2), e.g. "," for a French spreadsheet. */
  decimalChar?: string;
  /** Thousands separator in the file (v2); " " also accepts the no-break spaces. */
  groupChar?: string;
  /** The codes a field may hold, with their labels (v2 categorical fields). */
  categories?: (string | number | { value: string | number; label?: string })[];
  constraints?: {
    required?: boolean;
    unique?: boolean;
    minimum?: number;
    maximum?: number;
    enum?: (string | number)[];
    pattern?: string;
  };
}

export interface ForeignKey {
  fields: string[];
  /** `resource` names a resource of the same package or a reference list of data/reference. */
  reference: { resource: string; fields: string[] };
}

export interface TableSchema {
  fields: Field[];
  primaryKey?: string[];
  foreignKeys?: ForeignKey[];
  missingValues?: string[];
}

/** Our additions to a report resource, grouped under `cep` so that they never clash with v2. */
export interface ResourceMetadata {
  /** Standard dataset kind: fixed columns, comparable across reports. */
  kind: DatasetKind;
  /** What is counted, in French, plural: « entrées en CEP ». */
  unit: string;
  /** The population covered, as the report states it under the table. */
  champ: string;
  /** The report's own reading note, when it has one. */
  lecture?: string;
  /** Caveats for readers, shown under every chart and table of the dataset: they name tables
   * and figures by their titles, never datasets, columns or rules (a warning says so). */
  notes?: string[];
  /** For data reusers: how the source was transcribed (PDF extraction), what a column holds.
   * Kept in the Data Package; pages show them folded under a « Notes techniques » line. */
  technicalNotes?: string[];
  /** The INVENTORY item the dataset transcribes: `<region-slug>-<year>-<number>`. */
  item?: string;
}

export interface ResourceDescriptor {
  name: string;
  title: string;
  path: string;
  /** utf-8 unless declared: a file saved by Excel as « CSV (séparateur : point-virgule) » is windows-1252. */
  encoding?: string;
  /** Table Dialect (v2): only the delimiter and quote character matter to us. */
  dialect?: { delimiter?: string; quoteChar?: string };
  sources?: { title: string; path?: string }[];
  cep?: ResourceMetadata;
  schema: TableSchema;
}

export interface PackageDescriptor {
  name: string;
  title: string;
  resources: ResourceDescriptor[];
  /** Consistency rules between the package's figures (docs/DATA.md). */
  cep?: { rules?: Rule[] };
}

/** report.json: what the folder's path does not already say. */
export interface ReportDescriptor {
  /** INSEE region code; must match the region slug of the folder. */
  region: string;
  /** Year observed; must match the year of the folder. */
  year: number;
  title: string;
  author: string;
  /** The source publication transcribed (« Édition de septembre 2024 »). */
  publication: string;
  /** This edition of ours: its number matches the folder (v1, v2…); `date` is set on release. */
  edition: EditionDescriptor;
}

export interface EditionDescriptor {
  number: number;
  /** ISO date of release, written by `npm run release`; absent while the edition is being prepared. */
  date?: string;
  /** The changelog entry: what this edition changes, in French, for readers. */
  changes: string;
}

const field = {
  type: 'object',
  required: ['name', 'type'],
  properties: {
    name: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' },
    type: { enum: ['string', 'integer', 'number', 'date', 'boolean'] },
  },
};

function packageSchema(requireMetadata: boolean) {
  return {
    type: 'object',
    required: ['name', 'title', 'licenses', 'resources'],
    properties: {
      cep: {
        type: 'object',
        additionalProperties: false,
        properties: { rules: { type: 'array', items: ruleSchema } },
      },
      resources: {
        type: 'array',
        items: {
          type: 'object',
          required: ['name', 'title', 'path', 'schema', ...(requireMetadata ? ['cep', 'sources'] : [])],
          properties: {
            // Plain file names: no folder, no `..`, nothing that could leave the report folder.
            name: { type: 'string', pattern: '^[a-z][a-z0-9_]*$' },
            path: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*\\.csv$' },
            encoding: { enum: ['utf-8', 'utf-8-sig', 'windows-1252', 'iso-8859-1', 'latin1'] },
            dialect: {
              type: 'object',
              properties: { delimiter: { enum: [',', ';', '\t'] }, quoteChar: { enum: ['"', "'"] } },
            },
            schema: {
              type: 'object',
              required: ['fields'],
              properties: { fields: { type: 'array', items: field } },
            },
            cep: {
              type: 'object',
              required: ['kind', 'unit', 'champ'],
              additionalProperties: false,
              properties: {
                kind: { enum: datasetKinds },
                unit: { type: 'string', minLength: 1 },
                champ: { type: 'string', minLength: 1 },
                lecture: { type: 'string', minLength: 1 },
                notes: { type: 'array', items: { type: 'string', minLength: 1 } },
                technicalNotes: { type: 'array', items: { type: 'string', minLength: 1 } },
                item: { type: 'string', pattern: '^[a-z-]+-[0-9]{4}-[0-9]+$' },
              },
            },
          },
        },
      },
    },
  };
}

export const validateDatapackageProfile = ajv.compile(datapackageProfile);
export const validateReportPackage = ajv.compile(packageSchema(true));
export const validateReferencePackage = ajv.compile(packageSchema(false));
export const validateReportDescriptor = ajv.compile({
  type: 'object',
  required: ['region', 'year', 'title', 'author', 'publication', 'edition'],
  additionalProperties: false,
  properties: {
    region: { type: 'string', pattern: '^[0-9]{2}$' },
    year: { type: 'integer', minimum: 2015, maximum: 2100 },
    title: { type: 'string', minLength: 1 },
    author: { type: 'string', minLength: 1 },
    publication: { type: 'string', minLength: 1 },
    edition: {
      type: 'object',
      required: ['number', 'changes'],
      additionalProperties: false,
      properties: {
        number: { type: 'integer', minimum: 1 },
        date: { type: 'string', format: 'date' },
        changes: { type: 'string', minLength: 1 },
      },
    },
  },
});
