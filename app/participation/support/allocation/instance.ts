/**
 * The input every allocation rule reads: a budget in whole currency units, projects with
 * integral costs, and approval ballots (the ids each voter approved). Knapsack ballots are
 * read the same way: a voter approves the projects of their basket.
 */
export interface AllocationProject {
  id: string
  cost: number
}

export interface AllocationInstance {
  budget: number
  projects: AllocationProject[]
  ballots: string[][]
}

/** Projects and ballots turned into indexes once, shared by the rules. */
export interface IndexedInstance {
  budget: bigint
  ids: string[]
  costs: bigint[]
  /** supporters[p]: indexes of the voters who approved project p. */
  supporters: Int32Array[]
  voterCount: number
  /** tieRank[p]: 0 for the project preferred in a tie (most votes, then lowest cost, then id). */
  tieRank: number[]
}

/** Integer ids compare as numbers (project 9 before project 10), anything else as text. */
export function compareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    if (a.length !== b.length) return a.length - b.length
  }
  return a < b ? -1 : a > b ? 1 : 0
}

export function indexInstance(instance: AllocationInstance): IndexedInstance {
  const ids = instance.projects.map((project) => project.id)
  const position = new Map(ids.map((id, index) => [id, index]))
  const counts = new Array<number>(ids.length).fill(0)
  for (const ballot of instance.ballots) {
    for (const id of ballot) {
      const index = position.get(id)
      if (index === undefined) throw new RangeError(`unknown project ${id} in a ballot`)
      counts[index]++
    }
  }
  const supporters = counts.map((count) => new Int32Array(count))
  const filled = new Array<number>(ids.length).fill(0)
  instance.ballots.forEach((ballot, voter) => {
    for (const id of new Set(ballot)) {
      const index = position.get(id)!
      supporters[index][filled[index]++] = voter
    }
  })
  const trimmed = supporters.map((list, index) => list.subarray(0, filled[index]))
  const costs = instance.projects.map((project) => BigInt(project.cost))
  const order = ids
    .map((_, index) => index)
    .sort(
      (a, b) =>
        trimmed[b].length - trimmed[a].length ||
        (costs[a] < costs[b] ? -1 : costs[a] > costs[b] ? 1 : 0) ||
        compareIds(ids[a], ids[b])
    )
  const tieRank = new Array<number>(ids.length)
  order.forEach((project, rank) => (tieRank[project] = rank))
  return {
    budget: BigInt(instance.budget),
    ids,
    costs,
    supporters: trimmed,
    voterCount: instance.ballots.length,
    tieRank,
  }
}
