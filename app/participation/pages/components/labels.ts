/** French labels of the participation back-office. */
export const STATE_LABELS: Record<string, string> = {
  draft: 'Brouillon',
  upcoming: 'Programmé',
  open: 'Ouvert',
  closed: 'Clos',
}

export const KIND_LABELS: Record<string, string> = {
  single: 'Choix unique',
  multiple: 'Choix multiple',
  scale: 'Échelle',
  text: 'Texte libre',
}

const FORMAT = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/Paris',
})

export function parisDate(iso: string | null): string {
  return iso ? FORMAT.format(new Date(iso)) : '—'
}

export interface FormOptions {
  audiences: Record<string, string>
  visibilities: Record<string, string>
}

export interface ListRow {
  id: number
  title: string
  status: string
  state: string
  opensAt: string
  closesAt: string
  answers: number
}
