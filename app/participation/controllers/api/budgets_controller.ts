import type { HttpContext } from '@adonisjs/core/http'
import { readPageRequest } from '#kernel/http/pagination'
import ResolveAudience from '#info/actions/resolve_audience'
import ListBudgetCampaigns, {
  ShowBudgetCampaign,
  ShowBudgetResults,
} from '#participation/actions/budgets/list_budget_campaigns'
import SaveBudgetBallot from '#participation/actions/budgets/save_budget_ballot'
import FindBudgetBallot from '#participation/actions/budgets/find_budget_ballot'
import SubmitBudgetProposal from '#participation/actions/budgets/submit_budget_proposal'
import { budgetBallotJson, budgetProjectJson } from '#participation/transformers/budgets'
import { listQueryValidator } from '#participation/validators/api'
import {
  ballotValidator,
  budgetParamsValidator,
  proposalValidator,
  submitBallotValidator,
} from '#participation/validators/budgets'

/** Participatory budgets in the citizen API: public reads, proposals and ballots. */
export default class BudgetsController {
  async index({ params, request }: HttpContext) {
    const { state } = await listQueryValidator.validate(request.qs())
    const audience = await new ResolveAudience().handle(String(params.code))
    return new ListBudgetCampaigns().handle(audience, await readPageRequest(request), state)
  }

  async show({ params }: HttpContext) {
    const { id } = await budgetParamsValidator.validate({ id: params.id })
    return new ShowBudgetCampaign().handle(
      await new ResolveAudience().handle(String(params.code)),
      id
    )
  }

  async results({ params }: HttpContext) {
    const { id } = await budgetParamsValidator.validate({ id: params.id })
    return new ShowBudgetResults().handle(
      await new ResolveAudience().handle(String(params.code)),
      id
    )
  }

  async propose({ auth, params, request, response }: HttpContext) {
    const { id } = await budgetParamsValidator.validate({ id: params.id })
    const body = await request.validateUsing(proposalValidator)
    const { project, photos } = await new SubmitBudgetProposal().handle(
      auth.use('api').getUserOrFail(),
      id,
      {
        title: body.title,
        description: body.description,
        estimatedCost: body.estimated_cost,
        place: body.place,
        theme: body.theme,
        photoIds: body.photo_ids,
      }
    )
    return response.created({ data: budgetProjectJson(project, photos) })
  }

  async ballot({ auth, params }: HttpContext) {
    const { id } = await budgetParamsValidator.validate({ id: params.id })
    const ballot = await new FindBudgetBallot().handle(auth.use('api').getUserOrFail(), {
      campaignId: id,
    })
    return { data: budgetBallotJson(ballot) }
  }

  async saveBallot({ auth, params, request }: HttpContext) {
    const { id } = await budgetParamsValidator.validate({ id: params.id })
    const body = await request.validateUsing(ballotValidator)
    const ballot = await new SaveBudgetBallot().handle(auth.use('api').getUserOrFail(), id, {
      projectIds: body.project_ids,
      declaredAge: body.declared_age,
      submit: body.submit,
    })
    return { data: budgetBallotJson(ballot) }
  }

  async submitBallot({ auth, params, request }: HttpContext) {
    const { id } = await budgetParamsValidator.validate({ id: params.id })
    const body = await request.validateUsing(submitBallotValidator)
    const ballot = await new SaveBudgetBallot().handle(auth.use('api').getUserOrFail(), id, {
      declaredAge: body.declared_age,
      submit: true,
    })
    return { data: budgetBallotJson(ballot) }
  }

  async showBallot({ auth, params }: HttpContext) {
    const { ballotId } = await budgetParamsValidator.validate({ id: 1, ballotId: params.ballotId })
    const ballot = await new FindBudgetBallot().handle(auth.use('api').getUserOrFail(), {
      ballotId,
    })
    return { data: budgetBallotJson(ballot) }
  }
}
