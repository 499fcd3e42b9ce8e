/** A file-name-safe form of a title: « Aménagement du bourg » → `amenagement-du-bourg`. */
export function slugOf(title: string): string {
  return (
    title
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'export'
  )
}
