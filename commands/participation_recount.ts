import { BaseCommand, args } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** Recounts a campaign from its stored ballots and compares with the published results. */
export default class ParticipationRecount extends BaseCommand {
  static commandName = 'participation:recount'
  static description = 'Recompte un budget participatif depuis les bulletins enregistrés'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Identifiant de la campagne' })
  declare id: string

  async run() {
    const { default: RecountBudget } = await import('#participation/actions/budgets/recount_budget')
    try {
      const { results, published, matches } = await new RecountBudget().handle(Number(this.id))
      for (const district of results.districts) {
        for (const p of district.projects) {
          this.logger.log(
            `${district.district_name ? `${district.district_name} ` : ''}${p.id};${p.votes};${p.cost};${p.funded ? 1 : 0}`
          )
        }
      }
      this.logger.info(
        `${results.ballots} bulletins, ${results.spent} / ${results.budget}, empreinte ${results.ballots_digest}`
      )
      if (matches === null)
        this.logger.info(
          published
            ? 'Règle différente de la publication'
            : 'Vote non clos : rien de publié à comparer'
        )
      else if (matches) this.logger.success('Identique aux résultats publiés à la clôture')
      else {
        this.logger.error(
          `DIFFÉRENT des résultats publiés (empreinte publiée ${published!.ballots_digest})`
        )
        this.exitCode = 1
      }
      this.logger.log(
        JSON.stringify({
          ballots: results.ballots,
          digest: results.ballots_digest,
          winners: results.winners,
          spent: results.spent,
          matches,
        })
      )
    } catch (error) {
      this.logger.error((error as Error).message)
      this.exitCode = 1
    }
  }
}
