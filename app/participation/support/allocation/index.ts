import { equalSharesAdd1, type Add1Stop } from './equal_shares.js'
import { greedy, type GreedyReason } from './greedy.js'
import { type AllocationInstance, indexInstance } from './instance.js'
import { toNumber } from './rational.js'

export type { AllocationInstance, AllocationProject } from './instance.js'

export const ALLOCATION_RULES = ['greedy', 'equal_shares'] as const
export type AllocationRule = (typeof ALLOCATION_RULES)[number]

export type ProjectReason = GreedyReason | 'supporters_short' | 'no_cost'

/** One project of a result, explained (decimal figures are for display; the rule ran exactly). */
export interface ProjectOutcome {
  id: string
  votes: number
  cost: number
  funded: boolean
  reason: ProjectReason
  /** Equal shares only: round it was funded in, its effective vote count, its supporters' money. */
  round: number | null
  effective_votes: number | null
  supporters_money: number | null
  /** What greedy does with it, beside the chosen rule. */
  greedy_funded: boolean
}

export interface AllocationResult {
  rule: AllocationRule
  budget: number
  spent: number
  winners: string[]
  greedy_winners: string[]
  /** Equal shares only: the final whole per-voter share, the add1 steps and why it stopped. */
  equal_shares: { share: number; steps: number; stop: Add1Stop } | null
  projects: ProjectOutcome[]
}

/**
 * Runs the chosen rule (and greedy beside it, for comparison) and explains every project.
 * Projects are listed in the order of the chosen rule's winners, then by votes.
 */
export function allocate(input: AllocationInstance, rule: AllocationRule): AllocationResult {
  const instance = indexInstance(input)
  const byGreedy = greedy(instance)
  const mes = rule === 'equal_shares' ? equalSharesAdd1(instance) : null
  const winners = mes ? mes.winners.map((project) => instance.ids[project]) : byGreedy.winners
  const funded = new Set(winners)
  const projects = instance.ids.map((id, project): ProjectOutcome => {
    const votes = instance.supporters[project].length
    const greedyOutcome = byGreedy.projects.get(id)!
    const trace = mes?.traces[project]
    let reason: ProjectReason = greedyOutcome.reason
    if (mes) {
      if (funded.has(id)) reason = 'funded'
      else if (votes === 0) reason = 'no_votes'
      else if (instance.costs[project] === 0n) reason = 'no_cost'
      else reason = 'supporters_short'
    }
    return {
      id,
      votes,
      cost: Number(instance.costs[project]),
      funded: funded.has(id),
      reason,
      round: trace?.round ?? null,
      effective_votes: trace?.effectiveVotes ? toNumber(trace.effectiveVotes) : null,
      supporters_money: trace ? toNumber(trace.supportersMoney, 2) : null,
      greedy_funded: greedyOutcome.funded,
    }
  })
  const rank = new Map(winners.map((id, index) => [id, index]))
  const tieRank = new Map(instance.ids.map((id, project) => [id, instance.tieRank[project]]))
  const position = (id: string) => rank.get(id) ?? winners.length + tieRank.get(id)!
  projects.sort((a, b) => position(a.id) - position(b.id))
  return {
    rule,
    budget: input.budget,
    spent: Number(mes ? mes.spent : byGreedy.spent),
    winners,
    greedy_winners: byGreedy.winners,
    equal_shares: mes ? { share: Number(mes.share), steps: mes.steps, stop: mes.stop } : null,
    projects,
  }
}
