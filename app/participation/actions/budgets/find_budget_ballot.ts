import type Citizen from '#kernel/accounts/models/citizen'
import { NotFoundError } from '#kernel/http/errors'
import BudgetBallot from '#participation/models/budget_ballot'

/** A citizen's own ballot, by campaign or by id; another citizen's ballot is a plain 404. */
export default class FindBudgetBallot {
  async handle(citizen: Citizen, where: { campaignId?: number; ballotId?: number }) {
    const query = BudgetBallot.query().where('citizenId', citizen.id)
    if (where.campaignId !== undefined) query.where('campaignId', where.campaignId)
    if (where.ballotId !== undefined) query.where('id', where.ballotId)
    const ballot = await query.first()
    if (!ballot) throw new NotFoundError('Bulletin introuvable', 'E_BALLOT_NOT_FOUND')
    return ballot
  }
}
