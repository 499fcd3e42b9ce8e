import { readFile } from 'node:fs/promises'
import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import { BaseSeeder } from '@adonisjs/lucid/seeders'
import OnboardDepartement from '#kernel/territories/actions/onboard_departement'
import InviteAgent from '#kernel/accounts/actions/invite_agent'
import AcceptInvitation from '#kernel/accounts/actions/accept_invitation'
import SetSuperAdmin from '#kernel/accounts/actions/set_super_admin'
import Collectivity from '#kernel/territories/models/collectivity'
import News from '#info/models/news'
import Event from '#info/models/event'
import SaveNews from '#info/actions/save_news'
import SaveEvent from '#info/actions/save_event'
import PublishContent from '#info/actions/publish_content'
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
    await this.ensureNews(gers.id, {
      title: 'Bienvenue sur Bastide, l’application du Gers',
      summary:
        'Actualités, agenda, signalements : votre commune, votre intercommunalité et le département au même endroit.',
      body: '<p>Choisissez votre commune pour voir ce qui se passe près de chez vous.</p>',
    })
    await this.ensureNews(auch.id, {
      title: 'Marché de producteurs place de la Libération',
      summary: 'Tous les samedis matin, les producteurs locaux vous attendent au cœur d’Auch.',
      body: '<p>De 8 h à 13 h, fruits, légumes, volailles et fromages du Gers.</p>',
    })
    const exists = await Event.query()
      .where({ collectivityId: auch.id, title: 'Fête de la Musique à Auch' })
      .first()
    if (!exists) {
      // The next 21 June, so that the demo agenda is never in the past.
      const now = DateTime.now().setZone('Europe/Paris')
      let startsAt = DateTime.fromObject(
        { year: now.year, month: 6, day: 21, hour: 18 },
        { zone: 'Europe/Paris' }
      )
      if (startsAt < now) startsAt = startsAt.plus({ years: 1 })
      const event = await new SaveEvent().handle(auch.id, {
        title: 'Fête de la Musique à Auch',
        description: '<p>Concerts gratuits dans les rues de la ville haute.</p>',
        startsAt,
        endsAt: startsAt.plus({ hours: 6 }),
        placeName: 'Ville haute',
        category: 'culture',
      })
      await new PublishContent().handle({ type: 'event', id: event.id })
    }
  }

  private async ensureNews(
    collectivityId: number,
    input: { title: string; summary: string; body: string }
  ) {
    if (await News.query().where({ collectivityId, title: input.title }).first()) return
    const news = await new SaveNews().handle(collectivityId, input)
    await new PublishContent().handle({ type: 'news', id: news.id })
  }
}
