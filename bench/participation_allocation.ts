/**
 * Allocation rules on a generated campaign the size of real ones: 10,000 voters, 100 projects
 * (costs 5,000 to 150,000 €, budget 1,000,000 €, popularity skewed, 1 to 10 projects per
 * ballot). Rounds alternate equal_shares (add1) and greedy; targets: < 2 s and < 100 ms.
 *   npm run bench:allocation
 */
import { allocate, type AllocationInstance } from '#participation/support/allocation/index'

function generator(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0
    return state / 2 ** 32
  }
}

function campaign(voters: number, projects: number, seed = 8): AllocationInstance {
  const random = generator(seed)
  const list = Array.from({ length: projects }, (_, index) => ({
    id: String(index + 1),
    cost: 5000 + Math.floor(random() * 145_000),
  }))
  const weight = list.map((_, index) => 1 / (index + 3))
  const total = weight.reduce((a, b) => a + b, 0)
  const ballots = Array.from({ length: voters }, () => {
    const size = 1 + Math.floor(random() * 10)
    const chosen = new Set<string>()
    while (chosen.size < size) {
      let pick = random() * total
      let index = 0
      while (pick > weight[index]) pick -= weight[index++]
      chosen.add(list[Math.min(index, projects - 1)].id)
    }
    return [...chosen]
  })
  return { budget: 1_000_000, projects: list, ballots }
}

const instance = campaign(10_000, 100)
const rounds = Number(process.env.ROUNDS ?? 3)
const times: Record<string, number[]> = { equal_shares: [], greedy: [] }
let summary = ''
for (let round = 0; round < rounds; round++) {
  for (const rule of ['equal_shares', 'greedy'] as const) {
    const started = performance.now()
    const result = allocate(instance, rule)
    times[rule].push(performance.now() - started)
    if (rule === 'equal_shares')
      summary = `${result.winners.length} funded, ${result.spent} spent, share ${result.equal_shares!.share} after ${result.equal_shares!.steps} add1 steps (${result.equal_shares!.stop})`
  }
}
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
console.log(`10,000 voters x 100 projects, ${rounds} rounds alternating`)
console.log(
  `equal_shares + add1: median ${median(times.equal_shares).toFixed(0)} ms (target < 2000) ; ${summary}`
)
console.log(`greedy:              median ${median(times.greedy).toFixed(1)} ms (target < 100)`)
