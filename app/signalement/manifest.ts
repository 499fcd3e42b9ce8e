import vine from '@vinejs/vine'
import { defineModule } from '#kernel/modules/manifest'
import { DEFAULT_REPORT_SETTINGS } from '#signalement/support/settings'

export default defineModule({
  key: 'signalement',
  label: 'Signalements',
  features: [
    {
      key: 'reports',
      label: 'Signalements',
      description: 'Incidents signalés par les habitants (voirie, éclairage, déchets…)',
      kind: 'optional',
      navigation: { label: 'Signalements', href: '/signalement', ability: 'signalement.handle' },
      settings: vine.object({
        publicMap: vine.boolean(),
        autoPublish: vine.boolean(),
        overdueDays: vine.number().withoutDecimals().range([1, 365]),
        flagThreshold: vine.number().withoutDecimals().range([1, 100]),
      }),
      defaults: { ...DEFAULT_REPORT_SETTINGS },
      settingsLabels: {
        publicMap: {
          label: 'Carte publique des signalements',
          hint: 'Les signalements modérés sont visibles de tous sur la carte',
        },
        autoPublish: {
          label: 'Publier les signalements sans modération',
          hint: 'Sinon, un agent accepte chaque signalement avant qu’il paraisse sur la carte',
        },
        overdueDays: {
          label: 'Délai de traitement (jours)',
          hint: 'Au-delà, un signalement non résolu est marqué en retard',
        },
        flagThreshold: {
          label: 'Seuil de signalements par les habitants',
          hint: 'Nombre de signalements d’habitants qui masquent un signalement en attendant un agent',
        },
      },
    },
  ],
  permissions: {
    'signalement.handle': ['admin', 'moderator'],
    'signalement.configure': ['admin'],
  },
  feed: { types: ['report_resolved'] },
  async onboard(collectivity) {
    const { default: SeedCategories } = await import('#signalement/actions/seed_categories')
    await new SeedCategories().handle(collectivity)
  },
  gdpr: {
    async export(citizenId) {
      const { ExportReports } = await import('#signalement/actions/signalement_gdpr')
      return new ExportReports().handle(citizenId)
    },
    async erase(citizenId, trx) {
      const { DetachReports } = await import('#signalement/actions/signalement_gdpr')
      await new DetachReports().handle(citizenId, trx)
    },
  },
  async jobs() {
    const { flagOverdueReportsJob } = await import('#signalement/jobs/flag_overdue_reports_job')
    return [flagOverdueReportsJob]
  },
  async vocabularies() {
    const { SIGNALEMENT_VOCABULARIES } = await import('#signalement/vocabulary')
    return SIGNALEMENT_VOCABULARIES
  },
  routes: () => import('#signalement/routes'),
  openapi: () => import('#signalement/openapi'),
})
