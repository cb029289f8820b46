/** « 2 décembre 2026 » from « 2026-12-02 », as the declaration dates read. */
export function formatDate(isoDay: string): string {
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDay}T00:00:00Z`));
}
