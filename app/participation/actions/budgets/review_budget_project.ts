import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { ConflictError, DomainError } from '#kernel/http/errors'
import Citizen from '#kernel/accounts/models/citizen'
import type Tenant from '#kernel/tenancy/tenant'
import BudgetCampaign from '#participation/models/budget_campaign'
import BudgetProject from '#participation/models/budget_project'
import BudgetProjectHiddenMail from '#participation/mails/budget_project_hidden_mail'

/** A project of a campaign of the current authority, for an agent's decision on it. */
async function projectFor(
  tenant: Tenant,
  campaignId: number,
  projectId: number,
  trx: TransactionClientContract
) {
  const campaign = await BudgetCampaign.findOwnedOrFail(tenant, campaignId, trx)
  const project = await BudgetProject.findOwnedOrFail(tenant, projectId, trx)
  if (project.campaignId !== campaign.id)
    throw new DomainError(
      'E_PROJECT_NOT_IN_CAMPAIGN',
      'Ce projet n’appartient pas à cette campagne',
      404
    )
  return { campaign, project }
}

function assertListUnfrozen(campaign: BudgetCampaign) {
  if (campaign.rulesFrozenAt()) {
    throw new ConflictError(
      'E_RULES_FROZEN',
      'Le vote est ouvert : la liste des projets soumis au vote et leurs coûts ne changent plus'
    )
  }
}

/** Review: feasible or not, with a public reason, and the final cost the vote will use. */
export default class ReviewBudgetProject {
  async handle(
    tenant: Tenant,
    campaignId: number,
    projectId: number,
    input: { feasible: boolean; reason: string; finalCost?: number | null }
  ) {
    return db.transaction(async (trx) => {
      const { campaign, project } = await projectFor(tenant, campaignId, projectId, trx)
      assertListUnfrozen(campaign)
      if (project.status === 'merged' || project.status === 'hidden') {
        throw new ConflictError(
          'E_PROJECT_CLOSED',
          'Ce projet a été fusionné ou masqué : il n’est plus instruit'
        )
      }
      project.merge({
        status: input.feasible ? 'feasible' : 'unfeasible',
        reviewReason: input.reason,
        finalCost: input.finalCost ?? project.finalCost,
      })
      await project.useTransaction(trx).save()
      return project
    })
  }
}

/** Merges a duplicate into another project of the same campaign (which carries on alone). */
export class MergeBudgetProjects {
  async handle(tenant: Tenant, campaignId: number, projectId: number, intoId: number) {
    return db.transaction(async (trx) => {
      const { campaign, project } = await projectFor(tenant, campaignId, projectId, trx)
      const into = await BudgetProject.query({ client: trx })
        .where({ id: intoId, campaignId: campaign.id })
        .first()
      assertListUnfrozen(campaign)
      if (!into || into.id === project.id || into.status === 'merged' || into.status === 'hidden') {
        throw new DomainError(
          'E_MERGE_TARGET',
          'Choisissez un autre projet, toujours en lice, pour la fusion',
          422,
          'intoId'
        )
      }
      project.merge({
        status: 'merged',
        mergedIntoId: into.id,
        reviewReason: `Fusionné avec « ${into.title} »`,
      })
      await project.useTransaction(trx).save()
      return project
    })
  }
}

/** Moderation: hides a proposal with a reason, mailed to its author. */
export class HideBudgetProject {
  async handle(tenant: Tenant, campaignId: number, projectId: number, reason: string) {
    const project = await db.transaction(async (trx) => {
      const found = await projectFor(tenant, campaignId, projectId, trx)
      assertListUnfrozen(found.campaign)
      found.project.merge({ status: 'hidden', hiddenReason: reason })
      await found.project.useTransaction(trx).save()
      return found.project
    })
    const author = project.authorCitizenId ? await Citizen.find(project.authorCitizenId) : null
    if (author)
      await mail.sendLater(
        new BudgetProjectHiddenMail(author.email, author.displayName, project.title, reason)
      )
    return project
  }
}
