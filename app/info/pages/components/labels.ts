/** French labels of the info module's stored values, for the back-office pages. */
export const STATE_LABELS: Record<string, string> = {
  draft: 'Brouillon',
  scheduled: 'Programmé',
  published: 'Publié',
  expired: 'Expiré',
}

export const OPTION_LABELS: Record<string, string> = {
  culture: 'Culture',
  association: 'Association',
  sport: 'Sport',
  market: 'Marché',
  other: 'Autre',
  producer: 'Producteur',
  accommodation: 'Hébergement',
  restaurant: 'Restaurant',
  bike_lane: 'Piste cyclable',
  bike_parking: 'Stationnement vélo',
  carpool_area: 'Aire de covoiturage',
  secours: 'Secours et urgences',
  sante: 'Santé',
  violences: 'Violences',
  enfance: 'Enfance',
  seniors: 'Seniors',
  social: 'Social',
  mairie: 'Mairie',
  autre: 'Autre',
  creche: 'Crèche',
  maternelle: 'Maternelle',
  elementaire: 'Élémentaire',
  college: 'Collège',
  lycee: 'Lycée',
  ehpad: 'EHPAD',
}

export const labelOf = (value: string) => OPTION_LABELS[value] ?? STATE_LABELS[value] ?? value

export function parisDate(iso: string | null): string {
  if (!iso) return '—'
  return new Intl.DateTimeFormat('fr-FR', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  }).format(new Date(iso))
}
