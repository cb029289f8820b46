/**
 * The revision notices of a report (`data/reports/<region>/<year>/revisions.json`, docs/DATA.md):
 * one notice per value that an edition changed from the previous one. The file lives beside the
 * editions, not in them, so that the notices of an edition already released can be appended
 * without touching its frozen folder.
 */
import { ajv } from '../data/json-file.ts';

/** The three kinds of revision readers are told about, with their French names. */
export const REVISION_TYPES = {
  correction: "correction d'erreur",
  revision: 'révision programmée',
  methode: 'changement de méthode',
} as const;
export type RevisionType = keyof typeof REVISION_TYPES;

export type Scalar = string | number | boolean | null;

/** A figure: a cell of a dataset (its row by the dataset's key), or an indicator's value. */
export type FigureRef =
  | { dataset: string; row: Record<string, Scalar>; field: string }
  | { indicator: string; dimensions: Record<string, Scalar> };

export interface RevisionNotice {
  /** The edition that changed the value (the previous one held `before`). */
  edition: number;
  type: RevisionType;
  figure: FigureRef;
  /** The value in the previous edition, then in this one; `null`: an empty cell. */
  before: Scalar;
  after: Scalar;
  /** Why the value changed; `null` only in a notice recorded after its edition was released, where the edition did not say. */
  reason: string | null;
  /** What the change does to the report's conclusions; `null` as for `reason`. */
  effect: string | null;
  /** Set on a notice written after its edition was released: where its facts were read. */
  recordedFrom?: string;
}

export interface RevisionsFile {
  notices: RevisionNotice[];
}

const scalar = { type: ['string', 'number', 'boolean', 'null'] };
const keyValues = { type: 'object', minProperties: 1, additionalProperties: scalar };
const text = { type: 'string', minLength: 1 };

const notice = {
  type: 'object',
  required: ['edition', 'type', 'figure', 'before', 'after', 'reason', 'effect'],
  additionalProperties: false,
  properties: {
    edition: { type: 'integer', minimum: 2 },
    type: { enum: Object.keys(REVISION_TYPES) },
    figure: {
      oneOf: [
        {
          type: 'object',
          required: ['dataset', 'row', 'field'],
          additionalProperties: false,
          properties: { dataset: text, row: keyValues, field: text },
        },
        {
          type: 'object',
          required: ['indicator', 'dimensions'],
          additionalProperties: false,
          properties: { indicator: text, dimensions: keyValues },
        },
      ],
    },
    before: scalar,
    after: scalar,
    reason: { type: ['string', 'null'], minLength: 1 },
    effect: { type: ['string', 'null'], minLength: 1 },
    recordedFrom: text,
  },
};

export const validateRevisions = ajv.compile({
  type: 'object',
  required: ['notices'],
  additionalProperties: false,
  properties: { $schema: { type: 'string' }, notices: { type: 'array', items: notice } },
});
