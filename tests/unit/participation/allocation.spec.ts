import { test } from '@japa/runner'
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { allocate, type AllocationInstance } from '#participation/support/allocation/index'
import { equalSharesAdd1, equalSharesFixed } from '#participation/support/allocation/equal_shares'
import { greedy } from '#participation/support/allocation/greedy'
import { indexInstance } from '#participation/support/allocation/instance'
import { rational } from '#participation/support/allocation/rational'
import { parsePabulib } from '#participation/support/pabulib/parse'
import { referenceGreedy, referenceMes } from './allocation_reference.js'

function instanceOf(
  budget: number,
  costs: Record<string, number>,
  ballots: string[][]
): AllocationInstance {
  return { budget, projects: Object.entries(costs).map(([id, cost]) => ({ id, cost })), ballots }
}

const wieliczka = parsePabulib(
  readFileSync('tests/fixtures/participation/poland_wieliczka_2023_green-budget.pb', 'utf8')
)
const wieliczkaInstance: AllocationInstance = {
  budget: wieliczka.budget,
  projects: wieliczka.projects,
  ballots: wieliczka.votes.map((vote) => vote.projectIds),
}

test.group('Allocation: greedy', () => {
  test('takes projects by votes while they fit, skipping those that no longer do', ({ assert }) => {
    const result = allocate(
      instanceOf(10, { a: 6, b: 5, c: 4, d: 1 }, [
        ['a', 'b'],
        ['a', 'b'],
        ['a', 'c'],
      ]),
      'greedy'
    )
    assert.deepEqual(result.winners, ['a', 'c'])
    assert.equal(result.spent, 10)
    const b = result.projects.find((project) => project.id === 'b')!
    assert.deepInclude(b, { votes: 2, funded: false, reason: 'does_not_fit' })
    assert.deepInclude(
      result.projects.find((project) => project.id === 'd')!,
      { reason: 'no_votes' }
    )
  })

  test('ties: most votes, then lowest cost, then id (9 before 10)', ({ assert }) => {
    const byCost = allocate(instanceOf(5, { x: 5, y: 4 }, [['x', 'y']]), 'greedy')
    assert.deepEqual(byCost.winners, ['y'])
    const byId = allocate(instanceOf(5, { '10': 5, '9': 5 }, [['10', '9']]), 'greedy')
    assert.deepEqual(byId.winners, ['9'])
  })
})

test.group('Allocation: Method of Equal Shares with add1', () => {
  test('a fixed share funds the project whose supporters pay least each, then what is left', ({
    assert,
  }) => {
    // 4 voters, 100 each. A (300) by v1-v3: 100 each, 3 effective votes; C (100) by v1, v4:
    // 50 each, 2 effective votes; B (200) by v4 alone cannot be paid. After A, v1 has nothing:
    // v4 pays C alone (1 effective vote).
    const instance = indexInstance(
      instanceOf(400, { A: 300, B: 200, C: 100 }, [['A', 'C'], ['A'], ['A'], ['B', 'C']])
    )
    const run = equalSharesFixed(instance, rational(100n))
    assert.deepEqual(
      run.winners.map((project) => instance.ids[project]),
      ['A', 'C']
    )
    assert.deepEqual(run.traces[0].effectiveVotes, rational(3n))
    assert.deepEqual(run.traces[2].effectiveVotes, rational(1n))
    assert.deepEqual(run.traces[1].supportersMoney, rational(0n))
  })

  test('add1 raises the share one unit at a time until the outcome is exhaustive', ({ assert }) => {
    // 3 voters, 300: A (180) by v1, v2; B (120) by v3, who needs a share of 120 to pay it.
    const result = allocate(
      instanceOf(300, { A: 180, B: 120 }, [['A'], ['A'], ['B']]),
      'equal_shares'
    )
    assert.deepEqual(result.winners, ['A', 'B'])
    assert.deepEqual(result.equal_shares, { share: 120, steps: 20, stop: 'exhaustive' })
    assert.equal(result.spent, 300)
  })

  test('add1 stops before the share that would overspend the real budget', ({ assert }) => {
    // 3 voters, 300: A (200) by v1, v2; C (90) by v1; B (150) by v3. From a share of 150, v3
    // pays B and A + B = 350 > 300: the outcome stays {A} with a share of 149.
    const result = allocate(
      instanceOf(300, { A: 200, B: 150, C: 90 }, [['A', 'C'], ['A'], ['B']]),
      'equal_shares'
    )
    assert.deepEqual(result.winners, ['A'])
    assert.deepEqual(result.equal_shares, { share: 149, steps: 49, stop: 'next_share_overspends' })
    const b = result.projects.find((project) => project.id === 'B')!
    assert.deepInclude(b, {
      funded: false,
      reason: 'supporters_short',
      supporters_money: 149,
      greedy_funded: false,
    })
    const c = result.projects.find((project) => project.id === 'C')!
    assert.deepInclude(c, { funded: false, supporters_money: 49, greedy_funded: true })
    assert.deepEqual(result.greedy_winners, ['A', 'C'])
  })

  test('exact arithmetic: thirds of a unit are paid to the last one', ({ assert }) => {
    // 3 voters with 1 each: A (1) by all three costs a third each; B (1) by v1, v2 then finds
    // 4/3 and costs them 1/2 each; v3 is left with exactly 2/3, short of C (1).
    const instance = indexInstance(
      instanceOf(3, { A: 1, B: 1, C: 1 }, [
        ['A', 'B'],
        ['A', 'B'],
        ['A', 'C'],
      ])
    )
    const run = equalSharesFixed(instance, rational(1n))
    assert.deepEqual(
      run.winners.map((project) => instance.ids[project]),
      ['A', 'B']
    )
    assert.deepEqual(run.traces[2].supportersMoney, rational(2n, 3n))
  })

  test('equal effective votes: the project with more votes, then the cheaper one, then the id', ({
    assert,
  }) => {
    const tie = indexInstance(instanceOf(100, { b: 50, a: 50 }, [['a'], ['b']]))
    assert.deepEqual(
      equalSharesFixed(tie, rational(50n)).winners.map((p) => tie.ids[p]),
      ['a', 'b']
    )
    const cheaper = indexInstance(instanceOf(100, { a: 50, b: 40 }, [['a'], ['b']]))
    assert.deepEqual(
      equalSharesFixed(cheaper, rational(50n)).winners.map((p) => cheaper.ids[p]),
      ['b', 'a']
    )
  })

  test('Wieliczka 2023 green budget (Pabulib): add1 without the exhaustive stop gives the published winners', ({
    assert,
  }) => {
    const instance = indexInstance(wieliczkaInstance)
    const outcome = equalSharesAdd1(instance, { stopWhenExhaustive: false })
    const published = wieliczka.projects
      .filter((project) => project.selected)
      .map((project) => project.id)
    assert.sameMembers(
      outcome.winners.map((project) => instance.ids[project]),
      published
    )
    assert.isAtMost(Number(outcome.spent), wieliczka.budget)
  })

  test('Wieliczka 2023 with the exhaustive stop: the equalshares.net compute tool outcome, in order', ({
    assert,
  }) => {
    // Produced by equalshares/equalshares-compute-tool (fractions, add1, integral + exhaustive,
    // tie-breaking maxVotes then minCost) on the same file.
    const expected =
      '24,41,40,74,19,6,58,32,25,20,60,43,29,17,39,42,26,70,34,71,62,88,61,9,7,36,56,33,66,67,69'
    const result = allocate(wieliczkaInstance, 'equal_shares')
    assert.equal(result.winners.join(','), expected)
    assert.deepEqual(result.equal_shares, { share: 302, steps: 151, stop: 'exhaustive' })
  })
})

const instances = fc
  .record({
    costs: fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 7 }),
    budget: fc.integer({ min: 1, max: 150 }),
    voters: fc.integer({ min: 1, max: 9 }),
    seed: fc.array(fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }), {
      minLength: 9,
      maxLength: 9,
    }),
  })
  .map(({ costs, budget, voters, seed }): AllocationInstance => {
    const projects = costs.map((cost, index) => ({ id: String(index + 1), cost }))
    const ballots = seed
      .slice(0, voters)
      .map((row) => projects.filter((_, index) => row[index]).map((project) => project.id))
    return { budget, projects, ballots }
  })

test.group('Allocation: properties', () => {
  test('neither rule ever spends more than the budget', () => {
    fc.assert(
      fc.property(instances, (instance) => {
        for (const rule of ['greedy', 'equal_shares'] as const) {
          const result = allocate(instance, rule)
          const spent = result.winners.reduce(
            (sum, id) => sum + instance.projects.find((project) => project.id === id)!.cost,
            0
          )
          if (spent > instance.budget || spent !== result.spent) return false
        }
        return true
      }),
      { numRuns: 300 }
    )
  })

  test('greedy equals the plain reference greedy', () => {
    fc.assert(
      fc.property(instances, (instance) => {
        const outcome = greedy(indexInstance(instance))
        return outcome.winners.join() === referenceGreedy(instance).join()
      }),
      { numRuns: 300 }
    )
  })

  test('one MES run equals the voter-by-voter exact reference, for any share', () => {
    fc.assert(
      fc.property(
        instances,
        fc.integer({ min: 1, max: 90 }),
        fc.integer({ min: 1, max: 7 }),
        (instance, n, d) => {
          const indexed = indexInstance(instance)
          const share = rational(BigInt(n), BigInt(d))
          const fast = equalSharesFixed(indexed, share).winners.map(
            (project) => indexed.ids[project]
          )
          return fast.join() === referenceMes(instance, share).join()
        }
      ),
      { numRuns: 300 }
    )
  })

  test('add1 ends exhaustive, or one more unit would overspend, or everything voted is funded', () => {
    fc.assert(
      fc.property(instances, (instance) => {
        const indexed = indexInstance(instance)
        const outcome = equalSharesAdd1(indexed)
        const funded = new Set(outcome.winners)
        const exhaustive = indexed.costs.every(
          (cost, p) => funded.has(p) || outcome.spent + cost > indexed.budget
        )
        if (outcome.stop === 'exhaustive') return exhaustive
        if (outcome.stop === 'next_share_overspends') {
          const next = equalSharesFixed(indexed, rational(outcome.share + 1n), false)
          return next.winners.reduce((sum, p) => sum + indexed.costs[p], 0n) > indexed.budget
        }
        return indexed.supporters.every((list, p) => list.length === 0 || funded.has(p))
      }),
      { numRuns: 300 }
    )
  })
})
