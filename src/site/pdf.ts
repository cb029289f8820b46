/**
 * Whether this build prints the PDFs: `npm run build` sets CEP_PDF=absent for Astro when it
 * found no Chromium and PDFs are not required (a local `npm start`); the pages then say that the
 * PDF is not available instead of linking to a file that does not exist.
 */
export function pdfsPrinted(): boolean {
  return process.env.CEP_PDF !== 'absent';
}
