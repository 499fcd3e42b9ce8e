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
      settings: vine.object({
        publicMap: vine.boolean(),
        autoPublish: vine.boolean(),
        overdueDays: vine.number().withoutDecimals().range([1, 365]),
        flagThreshold: vine.number().withoutDecimals().range([1, 100]),
      }),
      defaults: { ...DEFAULT_REPORT_SETTINGS },
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
  async jobs() {
    const { flagOverdueReportsJob } = await import('#signalement/jobs/flag_overdue_reports_job')
    return [flagOverdueReportsJob]
  },
  routes: () => import('#signalement/routes'),
  openapi: () => import('#signalement/openapi'),
})
