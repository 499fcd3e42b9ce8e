import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type Citizen from '#kernel/accounts/models/citizen'
import { DomainError, NotFoundError } from '#kernel/http/errors'
import BudgetCampaign from '#participation/models/budget_campaign'
import BudgetProject from '#participation/models/budget_project'
import { assertEligible } from '#participation/support/eligibility'
import { assertOpen } from '#participation/support/window'
import { assertOwnReadyPhotos, projectPhotos } from '#participation/support/project_photos'
import { districtOf } from '#participation/actions/budgets/save_budget_ballot'

export interface ProposalInput {
  title: string
  description: string
  estimatedCost: number
  place?: string | null
  theme?: string | null
  photoIds?: number[]
}

/**
 * A resident proposes a project during the proposals phase: it waits for review, in the
 * district of the author's home commune. Photos are the citizen's own uploads, once the media pipeline has processed them.
 */
export default class SubmitBudgetProposal {
  async handle(citizen: Citizen, campaignId: number, input: ProposalInput, now = DateTime.now()) {
    return db.transaction(async (trx) => {
      const campaign = await BudgetCampaign.query({ client: trx })
        .where({ id: campaignId, status: 'published' })
        .first()
      if (!campaign) throw new NotFoundError('Budget participatif introuvable')
      assertOpen({ opensAt: campaign.proposalsOpensAt, closesAt: campaign.proposalsClosesAt }, now)
      const commune = await assertEligible(
        citizen,
        { collectivityId: campaign.collectivityId, audience: 'residents' },
        trx
      )
      if (input.theme && !campaign.themes.includes(input.theme)) {
        throw new DomainError(
          'E_UNKNOWN_THEME',
          `Thème inconnu : ${input.theme} (${campaign.themes.join(', ')})`,
          422,
          'theme'
        )
      }
      const photoIds = [...new Set(input.photoIds ?? [])]
      await assertOwnReadyPhotos(citizen.id, photoIds, trx)
      const district = await districtOf(campaign, commune?.id ?? null, trx)
      const project = await BudgetProject.create(
        {
          collectivityId: campaign.collectivityId,
          campaignId: campaign.id,
          districtId: district?.id ?? null,
          authorCitizenId: citizen.id,
          title: input.title,
          description: input.description,
          theme: input.theme ?? null,
          place: input.place ?? null,
          estimatedCost: input.estimatedCost,
          status: 'submitted',
        },
        { client: trx }
      )
      if (photoIds.length) {
        await trx
          .insertQuery()
          .table('participation_budget_project_photos')
          .multiInsert(
            photoIds.map((mediaId, position) => ({
              project_id: project.id,
              media_id: mediaId,
              position,
            }))
          )
      }
      const photos = await projectPhotos([project.id], trx)
      return { project, photos: photos.get(project.id) ?? [] }
    })
  }
}
