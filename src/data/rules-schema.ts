/**
 * The consistency rules a Data Package declares under `cep.rules` (docs/DATA.md): their shape,
 * checked with ajv before any rule is evaluated.
 */
export type WhereValue = string | number | { not: string | number } | { in: (string | number)[] };

export interface Selector {
  resource: string;
  where?: Record<string, WhereValue>;
  /** One field, or several whose cells are all picked (e.g. accepted + refused files). */
  field: string | string[];
}

interface RuleBase {
  id: string;
  description: string;
  forEach?: { resource: string; fields: string[] };
  tolerance?: number;
  /** The discrepancy is in the source: report it as a warning, with this explanation. */
  knownDiscrepancy?: string;
}

export type Rule = RuleBase &
  (
    | { type: 'sum'; value: Selector; parts: Selector }
    | { type: 'equal'; value: Selector; other: Selector }
    | { type: 'ratio'; value: Selector; numerator: Selector; denominator: Selector; scale: number; decimals: number }
    | { type: 'shares-100'; parts: Selector }
  );

const scalar = { type: ['string', 'number'] };
const selector = {
  type: 'object',
  required: ['resource', 'field'],
  additionalProperties: false,
  properties: {
    resource: { type: 'string' },
    field: { anyOf: [{ type: 'string' }, { type: 'array', minItems: 1, items: { type: 'string' } }] },
    where: {
      type: 'object',
      additionalProperties: {
        anyOf: [
          scalar,
          { type: 'object', required: ['not'], additionalProperties: false, properties: { not: scalar } },
          { type: 'object', required: ['in'], additionalProperties: false, properties: { in: { type: 'array', items: scalar } } },
        ],
      },
    },
  },
};

const common = {
  id: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
  description: { type: 'string', minLength: 1 },
  forEach: {
    type: 'object',
    required: ['resource', 'fields'],
    additionalProperties: false,
    properties: { resource: { type: 'string' }, fields: { type: 'array', minItems: 1, items: { type: 'string' } } },
  },
  tolerance: { type: 'number', minimum: 0 },
  knownDiscrepancy: { type: 'string', minLength: 1 },
};

function variant(type: string, selectors: string[], extra: Record<string, unknown> = {}) {
  return {
    type: 'object',
    required: ['id', 'type', 'description', ...selectors, ...Object.keys(extra)],
    additionalProperties: false,
    properties: {
      ...common,
      type: { const: type },
      ...Object.fromEntries(selectors.map((s) => [s, selector])),
      ...extra,
    },
  };
}

export const ruleSchema = {
  type: 'object',
  required: ['type'],
  properties: { type: { enum: ['sum', 'equal', 'ratio', 'shares-100'] } },
  allOf: [
    { if: { properties: { type: { const: 'sum' } } }, then: variant('sum', ['value', 'parts']) },
    { if: { properties: { type: { const: 'equal' } } }, then: variant('equal', ['value', 'other']) },
    {
      if: { properties: { type: { const: 'ratio' } } },
      then: variant('ratio', ['value', 'numerator', 'denominator'], { scale: { type: 'number' }, decimals: { type: 'integer', minimum: 0 } }),
    },
    { if: { properties: { type: { const: 'shares-100' } } }, then: variant('shares-100', ['parts']) },
  ],
};
