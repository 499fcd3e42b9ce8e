import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** Computes a campaign's results from its stored ballots with a rule, explained per project. */
export default class ParticipationResults extends BaseCommand {
  static commandName = 'participation:results'
  static description = 'Résultats d’un budget participatif (greedy ou equal_shares)'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Identifiant de la campagne' })
  declare id: string

  @flags.string({ description: 'Règle : greedy ou equal_shares (défaut : celle de la campagne)' })
  declare rule?: string

  @flags.boolean({ description: 'Dernière ligne en JSON' })
  declare json: boolean

  async run() {
    const { default: RecountBudget } = await import('#participation/actions/budgets/recount_budget')
    const { ALLOCATION_RULES } = await import('#participation/support/allocation/index')
    if (this.rule !== undefined && !(ALLOCATION_RULES as readonly string[]).includes(this.rule)) {
      this.logger.error(`Règle inconnue « ${this.rule} » : greedy ou equal_shares`)
      this.exitCode = 1
      return
    }
    try {
      const { results } = await new RecountBudget().handle(Number(this.id), this.rule as any)
      for (const district of results.districts) {
        if (district.district_name) this.logger.info(`Quartier ${district.district_name}`)
        const table = this.ui.table()
        table.head(['Projet', 'Votes', 'Coût', 'Financé', 'Motif', 'Votes effectifs', 'Greedy'])
        for (const p of district.projects) {
          table.row([
            `${p.id} ${p.title}`.slice(0, 50),
            String(p.votes),
            String(p.cost),
            p.funded ? 'oui' : 'non',
            p.reason,
            p.effective_votes === null ? '' : String(p.effective_votes),
            p.greedy_funded ? 'oui' : 'non',
          ])
        }
        table.render()
      }
      this.logger.info(
        `${results.rule} : ${results.spent} / ${results.budget} dépensés, ${results.ballots} bulletins, empreinte ${results.ballots_digest}`
      )
      if (this.json) {
        this.logger.log(
          JSON.stringify({
            rule: results.rule,
            winners: results.winners,
            spent: results.spent,
            budget: results.budget,
          })
        )
      }
    } catch (error) {
      this.logger.error((error as Error).message)
      this.exitCode = 1
    }
  }
}
