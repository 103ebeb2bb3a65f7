// File and project names from a scenario's name: lower-case letters, digits and hyphens.

/** "Worker loss (HA)" → "worker-loss-ha", at most `maxLength` characters; '' when nothing is left. */
export function slugOf(name: string, maxLength: number): string {
  return (
    name
      .normalize('NFKD')
      // Accents come apart under NFKD; dropping the marks keeps "Übung" as "ubung".
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+/, '')
      .slice(0, maxLength)
      .replace(/-+$/, '')
  );
}
