/**
 * The names of the files an edition publishes for each of its datasets, and of its archive:
 * the file name in the edition's folder (/donnees/<region>/<year>/[v<N>/]), the one the
 * Data Package and the ZIP use, and the `download` name a reader's copy gets, which says what
 * it holds wherever it lands: « normandie-2023-v2-cep-entries-excel.csv ».
 */
import type { Report } from './catalog.ts';

export type Variant = 'labelled' | 'excel' | 'parquet' | 'plain';

/** The variants, in the order pages offer them: for people first, the machines' file last. */
export const VARIANTS: readonly Variant[] = ['labelled', 'excel', 'parquet', 'plain'];

/** What each variant is called in a link, and its media type. */
export const VARIANT_LINKS: Record<Variant, { label: string; title: string; type: string }> = {
  labelled: { label: 'CSV avec libellés', title: 'CSV (UTF-8, virgule) : chaque code suivi de son libellé', type: 'text/csv' },
  excel: { label: 'CSV pour Excel', title: 'CSV pour Excel (point-virgule, virgule décimale) avec libellés', type: 'text/csv' },
  parquet: { label: 'Parquet', title: 'Parquet : colonnes typées, pour R, Python, DuckDB', type: 'application/vnd.apache.parquet' },
  plain: { label: 'CSV codes seuls', title: 'CSV de référence (UTF-8, virgule, point décimal), codes seuls, décrit par le Data Package', type: 'text/csv' },
};

const SUFFIX: Record<Variant, string> = { labelled: '-libelles.csv', excel: '-excel.csv', parquet: '.parquet', plain: '.csv' };

type EditionOf = Pick<Report, 'year' | 'region' | 'edition'>;

/** « normandie-2023-v2 »: the report and the edition a downloaded file comes from. */
export const editionPrefix = (report: EditionOf) => `${report.region.slug}-${report.year}-v${report.edition.number}`;

/**
 * A dataset's file in the edition's folder: « cep_entries.csv », « cep_entries-libelles.csv ».
 * Dataset names are `[a-z0-9_]`: a suffix with a hyphen never meets another dataset's name.
 */
export const folderFile = (dataset: string, variant: Variant) => `${dataset}${SUFFIX[variant]}`;

/** The name a downloaded copy gets: « normandie-2023-v2-cep-entries-libelles.csv ». */
export const downloadName = (report: EditionOf, dataset: string, variant: Variant) =>
  `${editionPrefix(report)}-${dataset.replaceAll('_', '-')}${SUFFIX[variant]}`;

/** The edition's archive, the same name in its folder and once downloaded: « normandie-2023-v2-donnees.zip ». */
export const archiveName = (report: EditionOf) => `${editionPrefix(report)}-donnees.zip`;

/** The guide inside the archive. */
export const README_FILE = 'LISEZMOI.md';
