/** The JSON Schema of an indicator catalogue file (data/indicators/*.json). */
import { datasetKinds } from '../data/kinds.ts';

const identifier = '^[a-z0-9]+(-[a-z0-9]+)*$';
const sqlName = '^[a-z][a-z0-9_]*$';
const sql = {
  description: 'La requête SQL (DuckDB), en une chaîne ou une ligne par élément',
  oneOf: [{ type: 'string', minLength: 1 }, { type: 'array', minItems: 1, items: { type: 'string' } }],
};

export const catalogueSchema = {
  type: 'object',
  required: ['family', 'indicators'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    family: { type: 'string', minLength: 1 },
    views: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'description', 'sql'],
        additionalProperties: false,
        properties: { name: { type: 'string', pattern: sqlName }, description: { type: 'string', minLength: 1 }, sql },
      },
    },
    indicators: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'label', 'unit', 'definition', 'reads', 'dimensions', 'sql'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', pattern: identifier },
          label: { type: 'string', minLength: 1 },
          unit: { enum: ['count', 'percent', 'variation', 'points', 'index'] },
          decimals: { type: 'integer', minimum: 0, maximum: 3 },
          definition: { type: 'string', minLength: 1 },
          reads: { type: 'array', minItems: 1, items: { enum: datasetKinds.filter((k) => k !== 'free') } },
          dimensions: { type: 'array', items: { type: 'string', pattern: sqlName } },
          published: {
            type: 'object',
            required: ['field'],
            additionalProperties: false,
            properties: { field: { type: 'string', pattern: sqlName }, decimals: { type: 'integer', minimum: 0, maximum: 3 } },
          },
          sql,
        },
      },
    },
  },
} as const;
