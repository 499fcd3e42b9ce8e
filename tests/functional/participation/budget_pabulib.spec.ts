import { test } from '@japa/runner'
import { createHash } from 'node:crypto'
import { readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ace from '@adonisjs/core/services/ace'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import ParticipationImportPabulib from '../../../commands/participation_import_pabulib.js'
import ParticipationExportPabulib from '../../../commands/participation_export_pabulib.js'
import ParticipationResults from '../../../commands/participation_results.js'
import ParticipationRecount from '../../../commands/participation_recount.js'
import BudgetBallot from '#participation/models/budget_ballot'
import BudgetCampaign from '#participation/models/budget_campaign'
import BudgetProject from '#participation/models/budget_project'
import { parsePabulib } from '#participation/support/pabulib/parse'
import { smallGers } from '#tests/fixtures/info/territory'
import { generatedPabulib } from '#tests/fixtures/participation/generated_pabulib'

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../fixtures/participation/${name}`, import.meta.url))

async function countRows(table: string, where: Record<string, unknown> = {}) {
  const [row] = await db.from(table).where(where).count('* as n')
  return Number(row.n)
}

function lastJson(command: { logger: any }) {
  const logs: Array<{ message: string }> = command.logger.getLogs()
  return JSON.parse(logs.filter((log) => log.message.startsWith('{')).at(-1)!.message)
}

async function importFile(file: string, code: string, extra: string[] = []) {
  const command = await ace.create(ParticipationImportPabulib, [
    file,
    `--collectivity=${code}`,
    '--json',
    ...extra,
  ])
  await command.exec()
  return command
}

/** VOTES of a Pabulib text, recomputed the way the published digest is defined. */
function digestOfVotes(text: string): string {
  const file = parsePabulib(text)
  const lines = file.votes.map((vote) =>
    [...vote.projectIds]
      .sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0))
      .join(',')
  )
  lines.sort()
  return createHash('sha256').update(lines.join('\n')).digest('hex')
}

test.group('Budgets: Pabulib commands', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.setup(async () => {
    ace.ui.switchMode('raw')
    return () => ace.ui.switchMode('normal')
  })

  test('imports Wieliczka 2023 (6,586 ballots) and finds the published equal-shares winners', async ({
    assert,
  }) => {
    const { departement } = await smallGers()
    const started = performance.now()
    const command = await importFile(
      fixture('poland_wieliczka_2023_green-budget.pb'),
      departement.code
    )
    command.assertSucceeded()
    assert.isBelow(performance.now() - started, 10_000)
    const summary = lastJson(command)
    assert.deepInclude(summary, { projects: 64, ballots: 6586 })
    const campaign = await BudgetCampaign.findOrFail(summary.campaign_id)
    assert.equal(campaign.allocationRule, 'equal_shares')
    assert.isNotNull(campaign.closedAt)
    assert.match(campaign.ballotsDigest!, /^[0-9a-f]{64}$/)
    assert.equal(
      await countRows('participation_budget_ballots', {
        campaign_id: campaign.id,
        kind: 'imported',
      }),
      6586
    )

    const greedy = await ace.create(ParticipationResults, [
      String(campaign.id),
      '--rule=greedy',
      '--json',
    ])
    await greedy.exec()
    greedy.assertSucceeded()
    const greedyResult = lastJson(greedy)
    assert.equal(greedyResult.rule, 'greedy')
    assert.equal(greedyResult.budget, 1_000_000)
    assert.isAtMost(greedyResult.spent, 1_000_000)
    assert.equal(greedyResult.winners[0], '24')

    const mes = await ace.create(ParticipationResults, [String(campaign.id), '--json'])
    await mes.exec()
    const mesResult = lastJson(mes)
    assert.equal(mesResult.rule, 'equal_shares')
    assert.equal(
      mesResult.winners.join(','),
      '24,41,40,74,19,6,58,32,25,20,60,43,29,17,39,42,26,70,34,71,62,88,61,9,7,36,56,33,66,67,69'
    )
  })

  test('import → export → import gives the same campaign, and the export reproduces the digest', async ({
    assert,
  }) => {
    const { departement } = await smallGers()
    const first = lastJson(await importFile(fixture('hand_written_knapsack.pb'), departement.code))
    const out = join(tmpdir(), `h8b-export-${first.campaign_id}.pb`)
    const exported = await ace.create(ParticipationExportPabulib, [
      String(first.campaign_id),
      `--out=${out}`,
    ])
    await exported.exec()
    exported.assertSucceeded()
    const text = await readFile(out, 'utf8')
    const campaign = await BudgetCampaign.findOrFail(first.campaign_id)
    const file = parsePabulib(text)
    assert.equal(file.meta.ballots_sha256, campaign.ballotsDigest)
    assert.equal(digestOfVotes(text), campaign.ballotsDigest)
    assert.equal(file.ballotRule, 'knapsack')
    assert.deepEqual(
      file.projects.filter((p) => p.selected).map((p) => p.id),
      ['1', '2']
    )
    assert.deepEqual(
      file.votes.map((v) => [v.voterId, v.projectIds.join(','), v.age]),
      [
        ['a1', '1,2', 34],
        ['a2', '1,3', null],
        ['a3', '2', 71],
        ['a4', '1,3', 19],
        ['a5', '2', null],
      ]
    )

    const second = lastJson(await importFile(out, departement.code))
    await rm(out)
    const shape = async (campaignId: number) => {
      const c = await BudgetCampaign.findOrFail(campaignId)
      const projects = await BudgetProject.query()
        .where('campaignId', campaignId)
        .orderBy('sourceId')
      const ballots = await BudgetBallot.query().where('campaignId', campaignId).orderBy('voterRef')
      const byId = new Map(projects.map((p) => [p.id, p.sourceId]))
      return {
        budget: c.totalAmount,
        rule: [c.ballotRule, c.minProjects, c.maxProjects],
        digest: c.ballotsDigest,
        projects: projects.map((p) => [p.sourceId, p.cost, p.title]),
        ballots: ballots.map((b) => [
          b.voterRef,
          b.declaredAge,
          b.projectIds.map((id) => byId.get(id)).sort(),
        ]),
        winners: c.results!.winners,
      }
    }
    assert.deepEqual(await shape(second.campaign_id), await shape(first.campaign_id))
  })

  test('a malformed file is refused with its line and leaves nothing behind', async ({
    assert,
  }) => {
    const { departement } = await smallGers()
    const before = await countRows('participation_budget_campaigns')
    const bad = join(tmpdir(), 'h8b-bad.pb')
    const { writeFile } = await import('node:fs/promises')
    const good = await readFile(fixture('hand_written_knapsack.pb'), 'utf8')
    for (const [broken, message] of [
      [good.replace('a3;2;71;', 'a3;7;71;'), 'ligne 24 : projet inconnu « 7 » dans le vote'],
      [good.replace('a5;2;;', 'a1;2;;'), 'ligne 26 : votant a1 en double'],
      [good.replace('4;5000;0;', '4;-5000;0;'), 'ligne 19 : coût du projet 4 négatif (-5000)'],
      [
        good.replace('vote_type;approval', 'vote_type;ordinal'),
        'ligne 10 : type de vote « ordinal » non pris en charge',
      ],
    ]) {
      await writeFile(bad, broken)
      const command = await importFile(bad, departement.code)
      command.assertFailed()
      const errors = (command.logger as any)
        .getLogs()
        .map((log: { message: string }) => log.message)
        .join('\n')
      assert.include(errors, message)
    }
    await rm(bad)
    assert.equal(await countRows('participation_budget_campaigns'), before)
  })

  test('a big file (20,000 ballots × 100 projects) imports in one go and reports its progress; a bad line deep inside refuses it whole', async ({
    assert,
  }) => {
    const { departement } = await smallGers()
    const text = generatedPabulib({ voters: 20_000, projects: 100 })
    const file = join(tmpdir(), `h8-big-${process.pid}.pb`)
    const { writeFile } = await import('node:fs/promises')
    const terminal = process.stdout.isTTY
    // Off a terminal the command writes its progress as lines, which the test can read.
    process.stdout.isTTY = false
    try {
      await writeFile(file, text)
      // The raw-mode logger is shared by the commands of this file: read this one's lines only.
      const earlier = (ace.ui.logger as any).getLogs().length
      const command = await importFile(file, departement.code)
      command.assertSucceeded()
      const summary = lastJson(command)
      assert.deepInclude(summary, { projects: 100, ballots: 20_000 })
      const messages: string[] = (command.logger as any)
        .getLogs()
        .slice(earlier)
        .map((log: { message: string }) => log.message)
      const progress = messages.filter((message) => /bulletins \d+\/\d+/.test(message))
      assert.include(progress[0], 'bulletins 0/20000')
      assert.isAbove(progress.length, 2)
      assert.include(progress.at(-1)!, 'bulletins 20000/20000')
      assert.equal(
        await countRows('participation_budget_ballots', { campaign_id: summary.campaign_id }),
        20_000
      )

      const before = await Promise.all(
        [
          'participation_budget_campaigns',
          'participation_budget_projects',
          'participation_budget_ballots',
        ].map((table) => countRows(table))
      )
      const lines = text.split('\n')
      const deep = lines.findIndex((line) => line.startsWith('19990;'))
      for (const [replacement, reason] of [
        ['19990;3,101', 'projet inconnu « 101 » dans le vote'],
        ['19990;3;4', '3 champs au lieu de 2'],
        ['19990;', '0 projets, moins que min_length 1'],
      ]) {
        const broken = [...lines]
        broken[deep] = replacement
        await writeFile(file, broken.join('\n'))
        const refused = await importFile(file, departement.code)
        refused.assertFailed()
        const errors = (refused.logger as any)
          .getLogs()
          .map((log: { message: string }) => log.message)
          .join('\n')
        assert.include(errors, `Fichier Pabulib refusé, ligne ${deep + 1} : ${reason}`)
      }
      const after = await Promise.all(
        [
          'participation_budget_campaigns',
          'participation_budget_projects',
          'participation_budget_ballots',
        ].map((table) => countRows(table))
      )
      assert.deepEqual(after, before)
    } finally {
      process.stdout.isTTY = terminal
      await rm(file, { force: true })
    }
  })

  test('recount from the stored ballots prints the published numbers', async ({ assert }) => {
    const { departement } = await smallGers()
    const { campaign_id: id } = lastJson(
      await importFile(fixture('hand_written_knapsack.pb'), departement.code, [
        '--rule=equal_shares',
      ])
    )
    const recount = await ace.create(ParticipationRecount, [String(id)])
    await recount.exec()
    recount.assertSucceeded()
    recount.assertLog('[ green(success) ] Identique aux résultats publiés à la clôture')
    const campaign = await BudgetCampaign.findOrFail(id)
    assert.deepInclude(lastJson(recount), {
      ballots: 5,
      digest: campaign.ballotsDigest,
      matches: true,
    })
    // A ballot changed behind the close is caught.
    await BudgetBallot.query()
      .where('campaignId', id)
      .where('voterRef', 'a3')
      .update({ projectIds: [] })
    const tampered = await ace.create(ParticipationRecount, [String(id)])
    await tampered.exec()
    tampered.assertFailed()
  })
})
