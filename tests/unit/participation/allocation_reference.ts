/**
 * Straightforward re-statements of the rules, voter by voter as equalshares.net writes them,
 * with exact rationals and no grouping or shortcuts: the oracles of the property tests.
 */
import type { AllocationInstance } from '#participation/support/allocation/index'
import { compareIds } from '#participation/support/allocation/instance'
import {
  type Rational,
  ZERO,
  add,
  compare,
  divide,
  rational,
  sub,
} from '#participation/support/allocation/rational'

function approversOf(instance: AllocationInstance): Map<string, number[]> {
  const approvers = new Map(instance.projects.map((project) => [project.id, [] as number[]]))
  instance.ballots.forEach((ballot, voter) => {
    for (const id of new Set(ballot)) approvers.get(id)!.push(voter)
  })
  return approvers
}

function preferred(instance: AllocationInstance, approvers: Map<string, number[]>) {
  const cost = new Map(instance.projects.map((project) => [project.id, project.cost]))
  return (a: string, b: string) =>
    approvers.get(b)!.length - approvers.get(a)!.length ||
    cost.get(a)! - cost.get(b)! ||
    compareIds(a, b)
}

export function referenceGreedy(instance: AllocationInstance): string[] {
  const approvers = approversOf(instance)
  const ids = instance.projects.map((project) => project.id).sort(preferred(instance, approvers))
  const cost = new Map(instance.projects.map((project) => [project.id, project.cost]))
  let left = instance.budget
  const winners: string[] = []
  for (const id of ids) {
    if (approvers.get(id)!.length > 0 && cost.get(id)! <= left) {
      winners.push(id)
      left -= cost.get(id)!
    }
  }
  return winners
}

export function referenceMes(instance: AllocationInstance, share: Rational): string[] {
  const approvers = approversOf(instance)
  const order = preferred(instance, approvers)
  const budget: Rational[] = instance.ballots.map(() => share)
  const remaining = instance.projects.filter((p) => p.cost > 0 && approvers.get(p.id)!.length > 0)
  const winners: string[] = []
  while (true) {
    let best: { id: string; eff: Rational; payment: Rational } | null = null
    for (const project of [...remaining]) {
      const voters = approvers.get(project.id)!
      const cost = rational(BigInt(project.cost))
      const money = voters.reduce((sum, voter) => add(sum, budget[voter]), ZERO)
      if (compare(money, cost) < 0) {
        remaining.splice(remaining.indexOf(project), 1)
        continue
      }
      const sorted = [...voters].sort((a, b) => compare(budget[a], budget[b]))
      let paid: Rational = ZERO
      let denominator = sorted.length
      for (const voter of sorted) {
        const payment = divide(sub(cost, paid), BigInt(denominator))
        if (compare(payment, budget[voter]) > 0) {
          paid = add(paid, budget[voter])
          denominator--
        } else {
          const eff = rational(cost.n * payment.d, payment.n)
          const versus = best ? compare(eff, best.eff) : 1
          if (versus > 0 || (versus === 0 && order(project.id, best!.id) < 0)) {
            best = { id: project.id, eff, payment }
          }
          break
        }
      }
    }
    if (!best) return winners
    winners.push(best.id)
    remaining.splice(
      remaining.findIndex((p) => p.id === best!.id),
      1
    )
    for (const voter of approvers.get(best.id)!) {
      budget[voter] =
        compare(budget[voter], best.payment) > 0 ? sub(budget[voter], best.payment) : ZERO
    }
  }
}
