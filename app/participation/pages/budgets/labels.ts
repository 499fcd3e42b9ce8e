/** French labels of the budget pages. */
export const PHASE_LABELS: Record<string, string> = {
  draft: 'Brouillon',
  upcoming: 'À venir',
  proposals: 'Propositions',
  review: 'Instruction',
  vote: 'Vote',
  results: 'Résultats',
}

export const NEXT_PHASE: Record<string, string> = {
  draft: 'Publier',
  upcoming: 'Ouvrir les propositions',
  proposals: 'Clore les propositions',
  review: 'Ouvrir le vote',
  vote: 'Clore le vote',
}

export const STATUS_LABELS: Record<string, string> = {
  submitted: 'À instruire',
  feasible: 'Faisable',
  unfeasible: 'Non faisable',
  merged: 'Fusionné',
  hidden: 'Masqué',
}

export const REASON_LABELS: Record<string, string> = {
  funded: 'Financé',
  does_not_fit: 'Ne tient plus dans le budget restant',
  no_votes: 'Aucune voix',
  supporters_short: 'Ses soutiens n’avaient plus assez d’argent',
  no_cost: 'Coût nul',
}

const euros = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
})
export const money = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : euros.format(value)

export function parisDate(value: string | null) {
  if (!value) return '—'
  return new Date(value).toLocaleString('fr-FR', {
    timeZone: 'Europe/Paris',
    dateStyle: 'medium',
    timeStyle: 'short',
  })
}
