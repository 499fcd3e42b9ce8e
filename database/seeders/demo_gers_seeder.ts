import { readFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import { BaseSeeder } from '@adonisjs/lucid/seeders'
import OnboardDepartement from '#kernel/territories/actions/onboard_departement'
import InviteAgent from '#kernel/accounts/actions/invite_agent'
import AcceptInvitation from '#kernel/accounts/actions/accept_invitation'
import SetSuperAdmin from '#kernel/accounts/actions/set_super_admin'
import Collectivity from '#kernel/territories/models/collectivity'
import SeedDemoContent from '#info/actions/seed_demo_content'
import ImportBoundaries from '#kernel/territories/actions/import_boundaries'
import SetFeatures from '#kernel/modules/actions/set_features'
import type { Role } from '#kernel/modules/manifest'

export interface DemoLogin {
  email: string
  fullName: string
  kind: 'departement' | 'epci' | 'commune'
  code: string
  role: Role
  superAdmin?: boolean
  label: string
}

/** The demo logins, shared with bin/start.js which prints them (a JSON file both can read). */
export async function demoLogins(): Promise<{ password: string; agents: DemoLogin[] }> {
  return JSON.parse(await readFile(app.makePath('database/seeders/demo_logins.json'), 'utf8'))
}

/**
 * The demo Gers: the whole département (1 département, its EPCI and communes) through the
 * onboarding action, demo agents with known passwords through the invitation flow, and a little
 * published content. Idempotent: a rerun updates, never duplicates. Never in production.
 */
export default class DemoGersSeeder extends BaseSeeder {
  static environment = ['development', 'test']

  async run() {
    const summary = await new OnboardDepartement().handle({ departement: '32' })
    logger.info(`Gers onboarded: ${summary.collectivities.length} collectivities`)

    const { password, agents } = await demoLogins()
    for (const login of agents) await this.ensureAgent(login, password)
    await this.ensureContent()
    await this.ensureShapesAndReports()
  }

  /**
   * The Gers boundaries shipped in database/data/contours (IGN, Licence Ouverte), so reports
   * are routed by where they are; reports open at the département, Grand Auch and Auch.
   */
  private async ensureShapesAndReports() {
    const contours = (file: string) => app.makePath('database/data/contours', file)
    const communes = await new ImportBoundaries().handle({
      path: contours('communes-32-gers.geojson'),
      level: 'commune',
    })
    await new ImportBoundaries().handle({
      path: contours('departement-32-gers.geojson'),
      level: 'departement',
    })
    logger.info(`Gers boundaries: ${communes.written} communes, ${communes.epcis} EPCI`)
    for (const [kind, code] of [
      ['departement', '32'],
      ['epci', '200066926'],
      ['commune', '32013'],
    ] as const) {
      await new SetFeatures().handle(await this.collectivity(kind, code), { enable: ['reports'] })
    }
  }

  private async collectivity(kind: DemoLogin['kind'], code: string) {
    return Collectivity.query().where({ kind, code }).firstOrFail()
  }

  /** Invites then accepts, as a real agent would; an agent who already has a password is kept. */
  private async ensureAgent(login: DemoLogin, password: string) {
    const collectivity = await this.collectivity(login.kind, login.code)
    const { agent, invitationUrl } = await new InviteAgent().handle({
      email: login.email,
      collectivityId: collectivity.id,
      role: login.role,
    })
    // A new agent (or one who never accepted) gets an invitation link; an active one keeps the
    // password they have, the login page comes back instead.
    const token = invitationUrl.match(/\/invitations\/([^/?#]+)/)?.[1]
    if (token) await new AcceptInvitation().handle({ token, fullName: login.fullName, password })
    if (login.superAdmin) await new SetSuperAdmin().handle({ email: agent.email, superAdmin: true })
  }

  private async ensureContent() {
    const gers = await this.collectivity('departement', '32')
    const auch = await this.collectivity('commune', '32013')
    await new SeedDemoContent().handle({ departementId: gers.id, communeId: auch.id })
  }
}
