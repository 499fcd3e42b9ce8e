import type { IndexedInstance } from './instance.js'
import { type Rational, ZERO, compare, rational, reduce } from './rational.js'

/** What one run of MES knows about a project, for the explanation of the outcome. */
export interface MesProjectTrace {
  /** Round (1-based) in which it was funded, or null. */
  round: number | null
  /** Effective vote count when funded, or the last one computed while it was affordable. */
  effectiveVotes: Rational | null
  /** Money its supporters held: when funded (before paying), else at the end of the run. */
  supportersMoney: Rational
}

export interface MesRun {
  winners: number[]
  traces: MesProjectTrace[]
}

/**
 * Voters with the same money form one class: they start equal and split only when some of
 * them pay for a project, so a run handles a few classes instead of thousands of voters.
 * Paying as a class is exact: a voter who cannot afford the equal split pays all they have,
 * and so does every voter holding the same amount.
 *
 * Money is held as integers counted in 1/scale of a currency unit; when a payment would not be
 * a whole number of those, every amount is multiplied up first. Comparisons and sums are then
 * plain BigInt integer operations, exact, without a gcd per step.
 */
class Wallets {
  readonly classOf: Int32Array
  values: bigint[] = []
  scale: bigint
  private byValue = new Map<bigint, number>()

  constructor(voterCount: number, share: Rational) {
    this.classOf = new Int32Array(voterCount)
    this.scale = share.d
    this.classFor(share.n)
  }

  classFor(value: bigint): number {
    let index = this.byValue.get(value)
    if (index === undefined) {
      index = this.values.length
      this.values.push(value)
      this.byValue.set(value, index)
    }
    return index
  }

  /** Supporters of a project grouped by class: [class, how many] pairs. */
  group(supporters: Int32Array, counts: number[]): Array<[number, number]> {
    const touched: number[] = []
    for (const voter of supporters) {
      const klass = this.classOf[voter]
      if (!counts[klass]) {
        counts[klass] = 0
        touched.push(klass)
      }
      counts[klass]++
    }
    const groups = touched.map((klass): [number, number] => [klass, counts[klass]])
    for (const klass of touched) counts[klass] = 0
    return groups
  }

  money(groups: Array<[number, number]>): bigint {
    let sum = 0n
    for (const [klass, count] of groups) sum += this.values[klass] * BigInt(count)
    return sum
  }

  asRational(amount: bigint): Rational {
    return reduce(rational(amount, this.scale))
  }

  /** Multiplies every amount (and the scale) so that `owed / payers` is a whole amount. */
  private wholePayment(owed: bigint, payers: bigint): bigint {
    const factor = payers / gcd(owed, payers)
    if (factor !== 1n) {
      this.values = this.values.map((value) => value * factor)
      this.scale *= factor
      this.byValue = new Map(this.values.map((value, index) => [value, index]))
    }
    return (owed * factor) / payers
  }

  /** Every supporter pays `owed / payers`, or everything they have if that is less. */
  charge(supporters: Int32Array, owed: bigint, payers: bigint): void {
    const payment = this.wholePayment(owed, payers)
    const moved = new Map<number, number>()
    for (const voter of supporters) {
      const klass = this.classOf[voter]
      let target = moved.get(klass)
      if (target === undefined) {
        const value = this.values[klass]
        target = this.classFor(value > payment ? value - payment : 0n)
        moved.set(klass, target)
      }
      this.classOf[voter] = target
    }
  }
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a
  let y = b
  while (y !== 0n) [x, y] = [y, x % y]
  return x
}

interface Evaluation {
  /** cost × payers / (owed / scale): the cost over the maximal payment. */
  effectiveVotes: Rational
  /** What the payers who can afford the maximal payment share, in 1/scale units. */
  owed: bigint
  payers: bigint
}

/**
 * Effective vote count of a project: its cost split as equally as the supporters' money
 * allows (the poorest pay everything they have, the others the same maximal payment), then
 * cost / maximal payment. Null when the supporters together cannot pay the cost.
 */
function evaluate(
  wallets: Wallets,
  groups: Array<[number, number]>,
  cost: bigint,
  money: bigint
): Evaluation | null {
  const scaledCost = cost * wallets.scale
  if (money < scaledCost) return null
  groups.sort((a, b) => {
    const left = wallets.values[a[0]]
    const right = wallets.values[b[0]]
    return left < right ? -1 : left > right ? 1 : 0
  })
  let owed = scaledCost
  let payers = 0n
  for (const [, count] of groups) payers += BigInt(count)
  for (const [klass, count] of groups) {
    const value = wallets.values[klass]
    // The equal split owed / payers exceeds what this class holds: it pays everything.
    if (owed > value * payers) {
      owed -= value * BigInt(count)
      payers -= BigInt(count)
    } else {
      return { effectiveVotes: rational(scaledCost * payers, owed), owed, payers }
    }
  }
  return null
}

/**
 * One run of the Method of Equal Shares with a fixed per-voter share, as equalshares.net
 * defines it: repeatedly fund the affordable project with the highest effective vote count
 * (ties: most votes, then lowest cost, then id), its supporters paying it. Projects without
 * votes or with no cost are never funded, as in the reference implementation.
 */
export function equalSharesFixed(
  instance: IndexedInstance,
  share: Rational,
  withTraces = true
): MesRun {
  const wallets = new Wallets(instance.voterCount, share)
  const counts: number[] = []
  const traces: MesProjectTrace[] = instance.ids.map(() => ({
    round: null,
    effectiveVotes: null,
    supportersMoney: ZERO,
  }))
  const remaining = new Map<number, Rational>()
  instance.ids.forEach((_, project) => {
    const votes = instance.supporters[project].length
    if (instance.costs[project] > 0n && votes > 0) remaining.set(project, rational(BigInt(votes)))
  })
  const winners: number[] = []
  while (remaining.size > 0) {
    // Effective vote counts only fall as money is spent, so the previous one bounds the next.
    const candidates = [...remaining.keys()].sort((a, b) =>
      compare(remaining.get(b)!, remaining.get(a)!)
    )
    let best: { project: number; evaluation: Evaluation; money: bigint } | null = null
    for (const project of candidates) {
      if (best && compare(remaining.get(project)!, best.evaluation.effectiveVotes) < 0) break
      const groups = wallets.group(instance.supporters[project], counts)
      const money = wallets.money(groups)
      const evaluation = evaluate(wallets, groups, instance.costs[project], money)
      if (!evaluation) {
        remaining.delete(project)
        continue
      }
      remaining.set(project, evaluation.effectiveVotes)
      traces[project].effectiveVotes = reduce(evaluation.effectiveVotes)
      const order = best ? compare(evaluation.effectiveVotes, best.evaluation.effectiveVotes) : 1
      if (
        order > 0 ||
        (order === 0 && instance.tieRank[project] < instance.tieRank[best!.project])
      ) {
        best = { project, evaluation, money }
      }
    }
    if (!best) break
    winners.push(best.project)
    traces[best.project].round = winners.length
    traces[best.project].supportersMoney = wallets.asRational(best.money)
    remaining.delete(best.project)
    wallets.charge(instance.supporters[best.project], best.evaluation.owed, best.evaluation.payers)
  }
  if (withTraces) {
    const funded = new Set(winners)
    instance.ids.forEach((_, project) => {
      if (funded.has(project)) return
      const left = wallets.money(wallets.group(instance.supporters[project], counts))
      traces[project].supportersMoney = wallets.asRational(left)
    })
  }
  return { winners, traces }
}

export type Add1Stop = 'exhaustive' | 'next_share_overspends' | 'every_supported_project_funded'

export interface EqualSharesOutcome extends MesRun {
  /** Final whole per-voter share (currency units) and how many +1 steps led to it. */
  share: bigint
  steps: number
  stop: Add1Stop
  spent: bigint
}

function spentBy(instance: IndexedInstance, winners: number[]): bigint {
  return winners.reduce((sum, project) => sum + instance.costs[project], 0n)
}

function isExhaustive(instance: IndexedInstance, winners: number[], spent: bigint): boolean {
  const funded = new Set(winners)
  return instance.costs.every(
    (cost, project) => funded.has(project) || spent + cost > instance.budget
  )
}

/**
 * MES with the `add1` completion (equalshares.net, options "integral" and "exhaustive"):
 * start from the whole per-voter share floor(budget / voters); while the outcome is not
 * exhaustive, try one more currency unit per voter and keep it if the outcome still fits the
 * real budget, otherwise stop. It also stops once every project with votes is funded, since
 * more money can change nothing (the reference would loop forever there). Without the
 * exhaustive stop (`stopWhenExhaustive: false`, the original add1 that Wieliczka 2023 used)
 * it goes on until one more unit would overspend.
 */
export function equalSharesAdd1(
  instance: IndexedInstance,
  options: { stopWhenExhaustive?: boolean } = {}
): EqualSharesOutcome {
  const stopWhenExhaustive = options.stopWhenExhaustive ?? true
  const voters = BigInt(instance.voterCount)
  const supported = instance.supporters.filter(
    (list, project) => list.length > 0 && instance.costs[project] > 0n
  ).length
  if (voters === 0n) {
    return {
      winners: [],
      traces: equalSharesFixed(instance, ZERO).traces,
      share: 0n,
      steps: 0,
      stop: 'exhaustive',
      spent: 0n,
    }
  }
  let share = instance.budget / voters
  let run = equalSharesFixed(instance, rational(share), false)
  let spent = spentBy(instance, run.winners)
  let steps = 0
  let stop: Add1Stop
  while (true) {
    if (stopWhenExhaustive && isExhaustive(instance, run.winners, spent)) {
      stop = 'exhaustive'
      break
    }
    if (run.winners.length === supported) {
      stop = 'every_supported_project_funded'
      break
    }
    const next = equalSharesFixed(instance, rational(share + 1n), false)
    const nextSpent = spentBy(instance, next.winners)
    if (nextSpent > instance.budget) {
      stop = 'next_share_overspends'
      break
    }
    share += 1n
    steps++
    run = next
    spent = nextSpent
  }
  return { ...equalSharesFixed(instance, rational(share)), share, steps, stop, spent }
}
