import type { IndexedInstance } from './instance.js'

export type GreedyReason = 'funded' | 'does_not_fit' | 'no_votes'

export interface GreedyOutcome {
  winners: string[]
  spent: bigint
  /** For every project: whether greedy funds it and the budget left when its turn came. */
  projects: Map<string, { funded: boolean; reason: GreedyReason; budgetLeftBefore: bigint }>
}

/**
 * Greedy by votes (Paris, Toulouse, Warsaw, Pabulib `greedy`): projects in order of votes
 * (ties: lowest cost, then id), each funded if it still fits what is left, otherwise skipped
 * while later, cheaper ones may still fit. A project nobody voted for is never funded.
 */
export function greedy(instance: IndexedInstance): GreedyOutcome {
  const order = instance.ids.map((_, index) => index)
  order.sort((a, b) => instance.tieRank[a] - instance.tieRank[b])
  let left = instance.budget
  const winners: string[] = []
  const projects: GreedyOutcome['projects'] = new Map()
  for (const project of order) {
    const id = instance.ids[project]
    const cost = instance.costs[project]
    const before = left
    if (instance.supporters[project].length === 0) {
      projects.set(id, { funded: false, reason: 'no_votes', budgetLeftBefore: before })
    } else if (cost <= left) {
      left -= cost
      winners.push(id)
      projects.set(id, { funded: true, reason: 'funded', budgetLeftBefore: before })
    } else {
      projects.set(id, { funded: false, reason: 'does_not_fit', budgetLeftBefore: before })
    }
  }
  return { winners, spent: instance.budget - left, projects }
}
