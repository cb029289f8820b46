/**
 * Text files we read (JSON descriptors, chapters): UTF-8 only, so that a file saved in another
 * encoding is refused where its first bad byte sits instead of being published « Norm�ndie ».
 */
import { readFileSync } from 'node:fs';
import { displayPath } from './paths.ts';
import type { DataIssue } from './issues.ts';

/** Line and column of an offset, by binary search over the offsets where lines start. */
export function positions(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}

/** Whether these bytes could start a UTF-8 text (an unfinished last character is allowed). */
function validPrefix(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Offset of the first byte that makes the text invalid UTF-8 (the prefix property is monotone). */
function firstBadByte(bytes: Uint8Array): number {
  let low = 0; // longest prefix known valid
  let high = bytes.length; // a prefix known invalid (the whole file)
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    if (validPrefix(bytes.subarray(0, mid))) low = mid;
    else high = mid;
  }
  return badStart(bytes, low);
}

/**
 * `end` is where decoding fails; when it interrupts a character (« Norm\xE0ndie »: 0xE0 opens a
 * three-byte character that « n » does not continue), the bad sequence starts at its lead byte.
 */
function badStart(bytes: Uint8Array, end: number): number {
  let start = end;
  while (start > 0 && end - start < 3 && (bytes[start - 1]! & 0xc0) === 0x80) start--;
  if (start > 0 && (bytes[start - 1]! & 0xc0) === 0xc0) return start - 1;
  return end;
}

/**
 * Reads a text file that must be UTF-8: undefined, with one located issue, when it is missing or
 * holds bytes that are not UTF-8. A leading byte order mark (Windows' Notepad) is dropped.
 */
export function readUtf8Text(absolute: string, issues: DataIssue[]): string | undefined {
  const file = displayPath(absolute);
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute);
  } catch {
    issues.push({ file, line: 1, column: 1, severity: 'error', message: `fichier introuvable : rétablissez-le (git checkout -- ${file}) ou créez-le` });
    return undefined;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstBadByte(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const shown = `0x${bytes[bad]!.toString(16).toUpperCase().padStart(2, '0')}`;
    issues.push({
      file,
      ...positions(before)(before.length),
      severity: 'error',
      message: `octets qui ne sont pas de l'UTF-8 (${shown}) : ce caractère serait publié « \ufffd » ; enregistrez le fichier en UTF-8 (« Enregistrer sous », encodage UTF-8) puis vérifiez ce caractère`,
    });
    return undefined;
  }
  // TextDecoder already drops a byte order mark.
  return text;
}
