/**
 * Texts that a spreadsheet would run or garble when it opens a CSV we publish: a formula (a
 * text whose first visible character is = + - @, even after spaces, tabs or invisible
 * characters: Excel skips them) and control characters. Validation refuses both in what we
 * author (cells, titles, labels, notes); every CSV writer neutralises formulas again, so that
 * no text reaches a spreadsheet raw, whatever its origin.
 */
import { quote } from './issues.ts';

/** Spaces, control and format characters (zero-width, BOM, U+00A0…) that may come before a formula. */
const FORMULA = /^[\s\p{Cc}\p{Cf}]*([=+\-@])/u;

/** The formula sign the text starts with (after any invisible lead), or undefined. */
export function formulaSign(text: string): string | undefined {
  return FORMULA.exec(text)?.[1];
}

/** A leading apostrophe: spreadsheets then show the text as typed instead of running it. */
export const neutralise = (text: string): string => (formulaSign(text) === undefined ? text : `'${text}`);

/** A text as messages show it: control and format characters written as [U+0009]. */
export function visible(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}]/gu, (c) => `[U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`);
}

/**
 * What is wrong with an authored text, or undefined. `multiline`: a CSV cell may hold tabs and
 * line breaks (LF, inside a quoted cell); titles, labels and notes may not.
 */
export function textProblem(text: string, { multiline = false } = {}): string | undefined {
  const control = [...text].find((c) => /\p{Cc}/u.test(c) && !(multiline && (c === '\t' || c === '\n')));
  if (control !== undefined)
    return `${quote(visible(text))} contient le caractère de contrôle invisible ${visible(control)} (souvent collé depuis un PDF ou un tableur) : supprimez-le${multiline ? " (seuls la tabulation et le retour à la ligne sont admis dans une cellule)" : ''}`;
  const sign = formulaSign(text);
  if (sign === undefined) return undefined;
  const after = text[0] === sign ? '' : ', après des espaces ou caractères invisibles,';
  return `${quote(visible(text))} commence${after} par ${quote(sign)} : un texte ne peut pas commencer par = + - @ (il serait lu comme une formule par les tableurs) ; reformulez-le pour qu'il commence par une lettre ou un chiffre (ex. « moins de 25 ans » plutôt que « -25 ans »)`;
}
