/**
 * A ZIP archive whose bytes depend only on its files: entries in the order given, each dated
 * by the `date` given (the edition's release), never by the clock, so that rebuilding a frozen
 * edition gives the same archive, byte for byte.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

export interface ArchiveFile {
  file: string;
  body: string | Uint8Array;
}

/** The date of every entry: `date` (AAAA-MM-JJ) at noon, or 1 January 1980 (the ZIP format's first day). */
function entryDate(date: string | undefined): Date {
  const [y, m, d] = (date ?? '1980-01-01').split('-').map(Number);
  // ZIP stores local time, which fflate reads from the Date: built from local fields, it is
  // the same in every time zone.
  return new Date(y!, m! - 1, d!, 12, 0, 0);
}

export function zipArchive(files: ArchiveFile[], date: string | undefined): Uint8Array {
  const mtime = entryDate(date);
  const entries: Zippable = {};
  for (const { file, body } of files) entries[file] = [typeof body === 'string' ? strToU8(body) : body, { mtime, level: 9 }];
  return zipSync(entries);
}
