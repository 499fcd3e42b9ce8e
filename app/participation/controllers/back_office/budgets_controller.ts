import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import type { VineValidator } from '@vinejs/vine'
import db from '@adonisjs/lucid/services/db'
import Collectivity from '#kernel/territories/models/collectivity'
import BudgetCampaign from '#participation/models/budget_campaign'
import BudgetDistrict from '#participation/models/budget_district'
import BudgetProject from '#participation/models/budget_project'
import SaveBudgetCampaign from '#participation/actions/budgets/save_budget_campaign'
import AdvanceBudgetPhase from '#participation/actions/budgets/advance_budget_phase'
import ReviewBudgetProject, {
  HideBudgetProject,
  MergeBudgetProjects,
} from '#participation/actions/budgets/review_budget_project'
import EnterPaperBallot from '#participation/actions/budgets/enter_paper_ballot'
import ComputeBudgetResults from '#participation/actions/budgets/compute_budget_results'
import BudgetDashboard from '#participation/actions/budgets/budget_dashboard'
import ExportBudgetResultsCsv from '#participation/actions/budgets/export_budget_results_csv'
import { describeBallotRule } from '#participation/support/ballot_rules'
import { listFiltersValidator } from '#participation/validators/back_office'
import {
  campaignFormValidator,
  hideValidator,
  mergeValidator,
  paperBallotValidator,
  reviewValidator,
} from '#participation/validators/budgets_back_office'
import { routeId, sendCsv } from '#participation/support/back_office'
import { projectPhotos, thumbnailOf } from '#participation/support/project_photos'
import { parisDateTime, parisInput } from '#participation/support/window'

const MANAGE = 'participation.manage'
const MODERATE = 'participation.moderate'

function row(campaign: BudgetCampaign, ballots: number, now = DateTime.now()) {
  return {
    id: campaign.id,
    title: campaign.title,
    status: campaign.status,
    phase: campaign.status === 'draft' ? 'draft' : campaign.phaseAt(now),
    totalAmount: campaign.totalAmount,
    voteOpensAt: campaign.voteOpensAt.toISO(),
    voteClosesAt: (campaign.closedAt ?? campaign.voteClosesAt).toISO(),
    ballots,
    source: campaign.source,
    rulesFrozen: campaign.rulesFrozenAt(now),
  }
}

async function ballotCounts(ids: number[]) {
  if (!ids.length) return new Map<number, number>()
  const rows = await db
    .from('participation_budget_ballots')
    .whereIn('campaign_id', ids)
    .whereNotNull('submitted_at')
    .groupBy('campaign_id')
    .select('campaign_id')
    .count('* as total')
  return new Map(rows.map((r) => [Number(r.campaign_id), Number(r.total)]))
}

function formInput(values: Awaited<ReturnType<typeof campaignFormValidator.validate>>) {
  return {
    ...values,
    proposalsOpensAt: parisDateTime(values.proposalsOpensAt, 'proposalsOpensAt'),
    proposalsClosesAt: parisDateTime(values.proposalsClosesAt, 'proposalsClosesAt'),
    voteOpensAt: parisDateTime(values.voteOpensAt, 'voteOpensAt'),
    voteClosesAt: parisDateTime(values.voteClosesAt, 'voteClosesAt'),
  }
}

/** Communes whose residents may vote: the authority itself, or its member communes. */
async function communesOf(authority: Collectivity) {
  if (authority.kind === 'commune') return [{ id: authority.id, name: authority.name }]
  const column = authority.kind === 'epci' ? 'epci_id' : 'departement_id'
  const rows = await Collectivity.query()
    .where('kind', 'commune')
    .where(column, authority.id)
    .orderBy('name')
    .select('id', 'name')
  return rows.map((c) => ({ id: c.id, name: c.name }))
}

/** The campaign and project ids of a project route. */
const projectOf = ({ params }: HttpContext) =>
  [routeId(params.id), routeId(params.projectId)] as const

/** The current authority's participatory budgets: campaigns, review, paper ballots, results. */
export default class BudgetsController {
  async index({ bouncer, tenant, request, inertia, session }: HttpContext) {
    await bouncer.authorize('act', MANAGE)
    const filters = await request.validateUsing(listFiltersValidator, { data: request.qs() })
    const campaigns = await BudgetCampaign.ownedBy(tenant)
      .orderBy('vote_opens_at', 'desc')
      .limit(200)
    const counts = await ballotCounts(campaigns.map((c) => c.id))
    let editing = null
    if (filters.edit && filters.edit !== 'new') {
      const campaign = await BudgetCampaign.findOwnedOrFail(tenant, filters.edit)
      const districts = await BudgetDistrict.query().where('campaignId', campaign.id).orderBy('id')
      editing = {
        ...row(campaign, counts.get(campaign.id) ?? 0),
        values: {
          title: campaign.title,
          description: campaign.description,
          totalAmount: campaign.totalAmount,
          ballotRule: campaign.ballotRule,
          minProjects: campaign.minProjects,
          maxProjects: campaign.maxProjects,
          minSpendPercent: campaign.minSpendPercent,
          allocationRule: campaign.allocationRule,
          minimumAge: campaign.minimumAge,
          themes: campaign.themes,
          districts: districts.map((d) => ({
            name: d.name,
            budget: d.budget,
            communeIds: d.communeIds,
          })),
          proposalsOpensAt: parisInput(campaign.proposalsOpensAt),
          proposalsClosesAt: parisInput(campaign.proposalsClosesAt),
          voteOpensAt: parisInput(campaign.voteOpensAt),
          voteClosesAt: parisInput(campaign.voteClosesAt),
        },
      }
    }
    return inertia.render('participation/budgets/index', {
      featureOn: tenant.collectivity.isModuleEnabled('budgets'),
      creating:
        filters.edit === 'new' || (!filters.edit && session.flashMessages.has('inputErrorsBag')),
      editing,
      items: campaigns.map((c) => row(c, counts.get(c.id) ?? 0)),
      communes: await communesOf(tenant.collectivity),
    })
  }

  async store({ bouncer, tenant, request, response, session }: HttpContext) {
    await bouncer.authorize('act', MANAGE)
    const values = await request.validateUsing(campaignFormValidator)
    const campaign = await new SaveBudgetCampaign().handle(tenant.collectivityId, formInput(values))
    session.flash('success', 'Budget participatif enregistré en brouillon.')
    return response.redirect(`/participation/budgets?edit=${campaign.id}`)
  }

  async update({ bouncer, tenant, params, request, response, session }: HttpContext) {
    await bouncer.authorize('act', MANAGE)
    const campaign = await BudgetCampaign.findOwnedOrFail(tenant, params.id)
    const values = await request.validateUsing(campaignFormValidator)
    await new SaveBudgetCampaign().handle(tenant.collectivityId, formInput(values), campaign.id)
    session.flash('success', 'Modifications enregistrées.')
    return response.redirect(`/participation/budgets?edit=${campaign.id}`)
  }

  async advance({ bouncer, tenant, params, response, session }: HttpContext) {
    await bouncer.authorize('act', MANAGE)
    const campaign = await BudgetCampaign.findOwnedOrFail(tenant, params.id)
    const moved = await new AdvanceBudgetPhase().handle(tenant.collectivityId, campaign.id)
    const labels: Record<string, string> = {
      upcoming: 'Budget publié : il s’ouvre aux propositions à la date prévue.',
      proposals: 'Phase des propositions ouverte.',
      review: 'Propositions closes : place à l’instruction.',
      vote: 'Vote ouvert.',
      results: 'Vote clos : résultats et empreinte des bulletins enregistrés.',
    }
    session.flash('success', labels[moved.phaseAt()])
    return response.redirect(`/participation/budgets/${campaign.id}`)
  }

  async show({ bouncer, tenant, params, inertia }: HttpContext) {
    await bouncer.authorize('act', MANAGE)
    const campaign = await BudgetCampaign.findOwnedOrFail(tenant, params.id)
    const districts = await BudgetDistrict.query().where('campaignId', campaign.id).orderBy('id')
    const projects = await BudgetProject.query()
      .where('campaignId', campaign.id)
      .orderBy('id')
      .limit(1000)
    const counts = await ballotCounts([campaign.id])
    const photos = await projectPhotos(projects.map((p) => p.id))
    return inertia.render('participation/budgets/show', {
      campaign: {
        ...row(campaign, counts.get(campaign.id) ?? 0),
        ruleText: describeBallotRule(campaign, campaign.totalAmount),
        minimumAge: campaign.minimumAge,
        digest: campaign.ballotsDigest,
      },
      districts: districts.map((d) => ({ id: d.id, name: d.name, budget: d.budget })),
      projects: projects.map((p) => ({
        id: p.id,
        title: p.title,
        description: p.description,
        place: p.place,
        theme: p.theme,
        districtId: p.districtId,
        estimatedCost: p.estimatedCost,
        finalCost: p.finalCost,
        status: p.status,
        reviewReason: p.reviewReason,
        hiddenReason: p.hiddenReason,
        mergedIntoId: p.mergedIntoId,
        proposedByCitizen: p.authorCitizenId !== null,
        photos: (photos.get(p.id) ?? []).map(thumbnailOf),
      })),
      figures: await new BudgetDashboard().handle(campaign.id),
      canModerate: tenant.can(MODERATE),
    })
  }

  async review(ctx: HttpContext) {
    const values = await this.projectStep(ctx, MANAGE, reviewValidator)
    await new ReviewBudgetProject().handle(ctx.tenant, ...projectOf(ctx), values)
    return this.backToCampaign(ctx, 'Instruction enregistrée.')
  }

  async merge(ctx: HttpContext) {
    const { intoId } = await this.projectStep(ctx, MANAGE, mergeValidator)
    await new MergeBudgetProjects().handle(ctx.tenant, ...projectOf(ctx), intoId)
    return this.backToCampaign(ctx, 'Projets fusionnés.')
  }

  async hide(ctx: HttpContext) {
    const { reason } = await this.projectStep(ctx, MODERATE, hideValidator)
    await new HideBudgetProject().handle(ctx.tenant, ...projectOf(ctx), reason)
    return this.backToCampaign(
      ctx,
      'Proposition masquée ; son auteur en reçoit le motif par e-mail.'
    )
  }

  /** What reviewing, merging and hiding a project begin with: the ability, then the form. */
  private async projectStep<T extends VineValidator<any, any>>(
    { bouncer, request }: HttpContext,
    ability: string,
    validator: T
  ): Promise<Awaited<ReturnType<T['validate']>>> {
    await bouncer.authorize('act', ability)
    return request.validateUsing(validator)
  }

  private backToCampaign({ params, response, session }: HttpContext, message: string) {
    session.flash('success', message)
    return response.redirect(`/participation/budgets/${params.id}`)
  }

  async paperBallot({ bouncer, tenant, auth, params, request, response, session }: HttpContext) {
    await bouncer.authorize('act', MANAGE)
    const values = await request.validateUsing(paperBallotValidator)
    await new EnterPaperBallot().handle(tenant, auth.getUserOrFail().id, routeId(params.id), values)
    session.flash('success', 'Bulletin papier enregistré.')
    return response.redirect(`/participation/budgets/${params.id}`)
  }

  async results({ bouncer, tenant, params, request, inertia }: HttpContext) {
    await bouncer.authorize('act', MANAGE)
    const campaign = await BudgetCampaign.findOwnedOrFail(tenant, params.id)
    const rule =
      request.qs().rule === 'greedy' || request.qs().rule === 'equal_shares'
        ? request.qs().rule
        : campaign.allocationRule
    const published = campaign.results && campaign.results.rule === rule ? campaign.results : null
    const results = published ?? (await new ComputeBudgetResults().handle(campaign, rule))
    return inertia.render('participation/budgets/results', {
      campaign: row(campaign, results.ballots),
      results,
      published: published !== null,
      closedAt: campaign.closedAt?.toISO() ?? null,
    })
  }

  async export({ bouncer, tenant, params, response }: HttpContext) {
    await bouncer.authorize('act', MANAGE)
    return sendCsv(response, await new ExportBudgetResultsCsv().handle(tenant, routeId(params.id)))
  }
}
