import { DomainError } from '#kernel/http/errors'
import type { BallotRule } from '#participation/models/budget_campaign'

export interface BallotRules {
  ballotRule: BallotRule
  minProjects: number | null
  maxProjects: number | null
  minSpendPercent: number | null
}

const euros = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
})

function refuse(code: string, message: string): never {
  throw new DomainError(code, message, 422, 'project_ids')
}

/**
 * Checks a ballot against its campaign's rule, naming the rule it breaks. A draft (`complete`
 * false) may still be short of the minimum; a submitted ballot must satisfy everything.
 * `costs` holds the projects the voter may choose (their district's feasible ones).
 */
export function assertBallotFollowsRules(
  rules: BallotRules,
  budget: number,
  costs: Map<number, number>,
  projectIds: number[],
  complete: boolean
): void {
  const seen = new Set<number>()
  for (const id of projectIds) {
    if (!costs.has(id)) refuse('E_UNKNOWN_PROJECT', `Projet inconnu dans ce vote : ${id}`)
    if (seen.has(id)) refuse('E_DUPLICATE_PROJECT', `Le projet ${id} est choisi deux fois`)
    seen.add(id)
  }
  if (complete && projectIds.length === 0) refuse('E_EMPTY_BALLOT', 'Choisissez au moins un projet')
  if (rules.ballotRule === 'approval') {
    if (rules.maxProjects !== null && projectIds.length > rules.maxProjects) {
      refuse(
        'E_TOO_MANY_PROJECTS',
        `Règle du vote : au plus ${rules.maxProjects} projets (${projectIds.length} choisis)`
      )
    }
    if (complete && rules.minProjects !== null && projectIds.length < rules.minProjects) {
      refuse(
        'E_TOO_FEW_PROJECTS',
        `Règle du vote : au moins ${rules.minProjects} projets (${projectIds.length} choisis)`
      )
    }
    return
  }
  const total = projectIds.reduce((sum, id) => sum + costs.get(id)!, 0)
  if (total > budget) {
    refuse(
      'E_OVER_BUDGET',
      `Règle du vote : le total des projets choisis (${euros.format(total)}) dépasse le budget (${euros.format(budget)})`
    )
  }
  const floor = Math.ceil((budget * (rules.minSpendPercent ?? 0)) / 100)
  if (complete && total < floor) {
    refuse(
      'E_UNDER_MIN_SPEND',
      `Règle du vote : les projets choisis doivent totaliser au moins ${rules.minSpendPercent} % du budget, soit ${euros.format(floor)} (${euros.format(total)} choisis)`
    )
  }
}

/** French statement of a campaign's ballot rule, for citizens and agents. */
export function describeBallotRule(rules: BallotRules, budget: number): string {
  if (rules.ballotRule === 'approval') {
    const min = rules.minProjects ?? 1
    return rules.maxProjects
      ? `Choisissez de ${min} à ${rules.maxProjects} projets`
      : `Choisissez au moins ${min} projet(s)`
  }
  const floor = rules.minSpendPercent ? `, au moins ${rules.minSpendPercent} % de celui-ci` : ''
  return `Composez un panier de projets dont le total tient dans le budget de ${euros.format(budget)}${floor}`
}
