/**
 * The controls of the explorer's « Indicateurs » mode, from the comparison and the state: only
 * what applies (the comparisons with at least two points, the year selector when comparing
 * territories, the territory selector when comparing years, a selector for each other dimension
 * with two values or more, such as the operator). Every text is escaped.
 */
import type { IndicatorComparison } from './comparison-model.ts';
import { dimensionChoices } from './comparison-view.ts';
import type { IndicatorState } from './query.ts';
import { escapeHtml } from './render.ts';

export interface IndicatorChoice {
  id: string;
  label: string;
}

const option = (value: string, label: string, selected: boolean) => `<option value="${escapeHtml(value)}"${selected ? ' selected' : ''}>${escapeHtml(label)}</option>`;

/** A select of the valid choices; a link naming another one leaves a placeholder selected, not a wrong choice. */
function select(control: string, title: string, choices: [string, string][], chosen: string): string {
  const known = choices.some(([value]) => value === chosen);
  const placeholder = known ? '' : '<option value="" selected disabled>— choisir —</option>';
  return `<label class="control">${escapeHtml(title)} <select data-control="${control}">${placeholder}${choices.map(([v, l]) => option(v, l, v === chosen)).join('')}</select></label>`;
}

export function indicatorControlsHtml(indicators: IndicatorChoice[], c: IndicatorComparison, s: IndicatorState): string {
  const yearly = c.indicator.dimensions.includes('year');
  const modes = [
    ...((yearly ? c.axes.years.length > 0 : c.axes.territoriesOverall) ? [['regions', yearly ? 'les territoires, pour une année' : 'les territoires']] : []),
    ...(yearly && c.axes.territories.length ? [['years', 'les années, pour un territoire']] : []),
  ];
  const radios = modes
    .map(([value, label]) => `<label class="check"><input type="radio" name="comparer" value="${value}" data-control="compare"${s.compare === value ? ' checked' : ''} /> ${label}</label>`)
    .join('');
  const compare = modes.length ? `<fieldset class="groups"><legend>Comparer</legend>${radios}</fieldset>` : '';
  const at =
    yearly && s.compare === 'regions' && c.axes.years.length
      ? select('year', 'Année', c.axes.years.map((y) => [String(y), String(y)]), s.at)
      : yearly && s.compare === 'years' && c.axes.territories.length
        ? select('territory', 'Territoire', c.axes.territories.map((t) => [t, c.territories[t] ?? t]), s.at)
        : '';
  const choices = dimensionChoices(c, s)
    .map(({ dimension, title, values }) => {
      const value = s.choices?.[dimension] ?? '';
      return `<label class="control">${escapeHtml(title)} <select data-control="choice" data-dimension="${escapeHtml(dimension)}">${option('', 'Toutes les valeurs', value === '')}${values.map(([v, l]) => option(v, l, v === value)).join('')}</select></label>`;
    })
    .join('');
  return `<label class="control">Indicateur <select data-control="indicator">${indicators.map((i) => option(i.id, i.label, i.id === s.indicator)).join('')}</select></label>
${compare}
${at}${choices}`;
}
