import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { SingleBar, Presets } from 'cli-progress'
import OnboardDepartement from '#kernel/territories/actions/onboard_departement'
import OnboardEpci from '#kernel/territories/actions/onboard_epci'
import OnboardCommune from '#kernel/territories/actions/onboard_commune'
import InviteAgent from '#kernel/accounts/actions/invite_agent'
import type {
  OnboardingProgress,
  OnboardingSummary,
} from '#kernel/territories/services/onboarding_runner'
import type Collectivity from '#kernel/territories/models/collectivity'

/**
 * Onboards authorities from the official geographic code (COG): a département with its EPCI
 * and communes, one EPCI, one commune, or every département of France. Idempotent.
 */
export default class CollectivityOnboard extends BaseCommand {
  static commandName = 'collectivity:onboard'
  static description =
    'Importe et active des collectivités depuis le COG (département, EPCI ou commune)'
  static help = [
    'npm run ace -- collectivity:onboard --departement=32 --admin=dsi@gers.fr',
    'npm run ace -- collectivity:onboard --epci=200066926',
    'npm run ace -- collectivity:onboard --commune=32013',
    'npm run ace -- collectivity:onboard --all-departements',
  ]
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Code INSEE du département (32, 2A, 971…)' })
  declare departement?: string

  @flags.string({ description: "SIREN de l'EPCI" })
  declare epci?: string

  @flags.string({ description: 'Code INSEE de la commune' })
  declare commune?: string

  @flags.boolean({ description: 'Tous les départements de France en une fois' })
  declare allDepartements?: boolean

  @flags.string({ description: 'E-mail du premier administrateur de la collectivité importée' })
  declare admin?: string

  async run() {
    const chosen = [
      this.departement,
      this.epci,
      this.commune,
      this.allDepartements || undefined,
    ].filter((value) => value !== undefined)
    if (chosen.length !== 1) {
      return this.fail(
        'Indiquez exactement une option : --departement, --epci, --commune ou --all-departements'
      )
    }
    if (this.admin !== undefined && this.allDepartements) {
      return this.fail("--admin ne s'utilise qu'avec une seule collectivité")
    }

    try {
      const started = performance.now()
      const summary = await this.onboard()
      this.printSummary(summary)
      this.logger.info(`Durée : ${((performance.now() - started) / 1000).toFixed(2)} s`)
      if (summary.hookFailures.length > 0) {
        for (const failure of summary.hookFailures) {
          this.logger.error(
            `Module ${failure.module} (${failure.collectivity}) : ${failure.message}`
          )
        }
        return this.fail(
          'Certains modules ont échoué ; relancez la commande une fois corrigé (elle est idempotente)'
        )
      }
      if (this.admin !== undefined) await this.inviteAdmin(summary.collectivities)
    } catch (error) {
      this.fail(error instanceof Error ? error.message : String(error))
    }
  }

  private onboard(): Promise<OnboardingSummary> {
    const progress = this.progressBar()
    if (this.allDepartements)
      return new OnboardDepartement().handle({ departements: 'all' }, progress)
    if (this.departement !== undefined)
      return new OnboardDepartement().handle({ departement: this.departement }, progress)
    if (this.epci !== undefined) return new OnboardEpci().handle({ siren: this.epci }, progress)
    return new OnboardCommune().handle({ insee: this.commune! }, progress)
  }

  /**
   * The first admin of the authority named on the command line (not of its parents).
   */
  private async inviteAdmin(onboarded: Collectivity[]) {
    const target =
      this.departement !== undefined ? 'departement' : this.epci !== undefined ? 'epci' : 'commune'
    const collectivity = onboarded.find((row) => row.kind === target)!
    const { invitationUrl } = await new InviteAgent().handle({
      email: this.admin!,
      collectivityId: collectivity.id,
      role: 'admin',
      // `--admin` names the authority's admin explicitly: promoting an existing member to admin
      // is what was asked, and a promotion never leaves the authority without an admin.
      confirmRoleChange: true,
    })
    this.logger.success(`Administrateur invité pour ${collectivity.name} : ${this.admin}`)
    this.logger.log(`Lien d'invitation : ${invitationUrl}`)
  }

  private printSummary(summary: OnboardingSummary) {
    const table = this.ui.table()
    table.head(['', 'Créées', 'Mises à jour', 'Inchangées', 'Onboardées'])
    const rows = [
      ['Départements', summary.departement, summary.onboarded.departement],
      ['EPCI', summary.epci, summary.onboarded.epci],
      ['Communes', summary.commune, summary.onboarded.commune],
      ['Communes déléguées, associées, arrondissements', summary.alias, '-'],
    ] as const
    for (const [label, counts, onboarded] of rows) {
      table.row([
        label,
        String(counts.created),
        String(counts.updated),
        String(counts.unchanged),
        String(onboarded),
      ])
    }
    table.render()
    if (summary.alias.removed > 0)
      this.logger.info(`${summary.alias.removed} alias retirés (absents du COG)`)
  }

  /** A bar per step on a terminal; nothing when the output is not one (CI, tests, pipes). */
  private progressBar(): OnboardingProgress | undefined {
    if (!process.stdout.isTTY) return
    const bar = new SingleBar(
      { format: ' {step} [{bar}] {value}/{total}', hideCursor: true },
      Presets.shades_classic
    )
    return {
      start: (step, total) => bar.start(total, 0, { step }),
      advance: (count) => bar.increment(count),
      stop: () => bar.stop(),
    }
  }

  private fail(message: string) {
    this.logger.error(message)
    this.exitCode = 1
  }
}
