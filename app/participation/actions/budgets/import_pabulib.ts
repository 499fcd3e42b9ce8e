import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Collectivity from '#kernel/territories/models/collectivity'
import { NotFoundError } from '#kernel/http/errors'
import BudgetCampaign from '#participation/models/budget_campaign'
import CloseBudgetVote from '#participation/actions/budgets/close_budget_vote'
import type { AllocationRule } from '#participation/support/allocation/index'
import { parsePabulib } from '#participation/support/pabulib/parse'

export interface ImportProgress {
  start(total: number): void
  advance(count: number): void
  stop(): void
}

export interface ImportSummary {
  campaign_id: number
  projects: number
  ballots: number
}

const CHUNK = 5000

function pabulibDate(value: string | undefined): DateTime | null {
  if (!value) return null
  const date = DateTime.fromFormat(value, 'dd.MM.yyyy', { zone: 'Europe/Paris' })
  return date.isValid ? date : null
}

/**
 * Creates a closed campaign from a Pabulib file: its projects (the file's `project_id` kept as
 * source id) and its ballots (imported ballots, the file's voter id kept as the anonymous
 * reference), then closes it (results and digest). The whole file is checked first and
 * everything is written in one transaction: a bad file leaves nothing behind.
 */
export default class ImportPabulib {
  async handle(
    text: string,
    collectivityCode: string,
    rule: AllocationRule | undefined,
    progress?: ImportProgress
  ): Promise<ImportSummary> {
    const file = parsePabulib(text)
    const owner = await Collectivity.query()
      .where('code', collectivityCode.trim().toUpperCase())
      .first()
    if (!owner)
      throw new NotFoundError(
        `Collectivité introuvable : « ${collectivityCode} »`,
        'E_COLLECTIVITY_NOT_FOUND'
      )
    const fileRule = file.meta.rule?.startsWith('equalshares') ? 'equal_shares' : 'greedy'
    const closesAt = pabulibDate(file.meta.date_end)?.endOf('day') ?? DateTime.now()
    const opensAt = pabulibDate(file.meta.date_begin) ?? closesAt.minus({ days: 1 })
    return db.transaction(async (trx) => {
      const campaign = await BudgetCampaign.create(
        {
          collectivityId: owner.id,
          title: (
            file.meta.description ||
            [file.meta.unit, file.meta.subunit, file.meta.instance].filter(Boolean).join(' ') ||
            'Budget participatif importé'
          ).slice(0, 255),
          description: null,
          status: 'published',
          totalAmount: file.budget,
          ballotRule: file.ballotRule,
          minProjects: file.minLength,
          maxProjects: file.maxLength,
          minSpendPercent: null,
          allocationRule: rule ?? fileRule,
          minimumAge: null,
          themes: [],
          proposalsOpensAt: opensAt,
          proposalsClosesAt: opensAt,
          voteOpensAt: opensAt,
          voteClosesAt: closesAt > opensAt ? closesAt : opensAt.plus({ seconds: 1 }),
          source: 'pabulib',
          sourceMeta: file.meta,
        },
        { client: trx }
      )
      const inserted: Array<{ id: number; source_id: string }> = await trx
        .insertQuery()
        .table('participation_budget_projects')
        .multiInsert(
          file.projects.map((project) => ({
            collectivity_id: owner.id,
            campaign_id: campaign.id,
            source_id: project.id,
            title: (project.name || `Projet ${project.id}`).slice(0, 255),
            estimated_cost: project.cost,
            final_cost: project.cost,
            status: 'feasible',
            created_at: new Date(),
            updated_at: new Date(),
          }))
        )
        .returning(['id', 'source_id'])
      const ids = new Map(inserted.map((row) => [row.source_id, row.id]))
      progress?.start(file.votes.length)
      for (let start = 0; start < file.votes.length; start += CHUNK) {
        const chunk = file.votes.slice(start, start + CHUNK)
        await trx.rawQuery(
          `INSERT INTO participation_budget_ballots
             (collectivity_id, campaign_id, voter_ref, kind, declared_age, project_ids, submitted_at, created_at, updated_at)
           SELECT ?, ?, ref, 'imported', age, ids::integer[], now(), now(), now()
           FROM unnest(?::text[], ?::integer[], ?::text[]) AS t(ref, age, ids)`,
          [
            owner.id,
            campaign.id,
            chunk.map((vote) => vote.voterId),
            chunk.map((vote) => vote.age) as any,
            chunk.map((vote) => `{${vote.projectIds.map((id) => ids.get(id)).join(',')}}`),
          ]
        )
        progress?.advance(chunk.length)
      }
      progress?.stop()
      await new CloseBudgetVote().handle(campaign.id, DateTime.now(), trx)
      return { campaign_id: campaign.id, projects: inserted.length, ballots: file.votes.length }
    })
  }
}
