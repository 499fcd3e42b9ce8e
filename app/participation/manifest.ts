import vine from '@vinejs/vine'
import { defineModule } from '#kernel/modules/manifest'

export default defineModule({
  key: 'participation',
  label: 'Participation citoyenne',
  features: [
    {
      key: 'polls',
      label: 'Sondages',
      description: 'Questions à choix simple ou multiple',
      kind: 'optional',
      navigation: {
        label: 'Sondages',
        href: '/participation/polls',
        ability: 'participation.manage',
      },
      settings: vine.object({ resultsVisibility: vine.enum(['live', 'after_close']) }),
      defaults: { resultsVisibility: 'after_close' },
      settingsLabels: {
        resultsVisibility: {
          label: 'Résultats visibles par les habitants',
          options: { live: 'Pendant le vote', after_close: 'Après la clôture' },
        },
      },
    },
    {
      key: 'consultations',
      label: 'Consultations',
      description: 'Questionnaires en plusieurs questions',
      kind: 'optional',
      navigation: {
        label: 'Consultations',
        href: '/participation/consultations',
        ability: 'participation.manage',
      },
    },
    {
      key: 'budgets',
      label: 'Budget participatif',
      description: 'Propositions, vote et résultats',
      kind: 'optional',
      navigation: {
        label: 'Budgets participatifs',
        href: '/participation/budgets',
        ability: 'participation.manage',
      },
    },
  ],
  permissions: {
    'participation.manage': ['admin', 'editor'],
    'participation.moderate': ['admin', 'moderator'],
  },
  feed: {
    types: ['poll', 'consultation', 'budget'],
    features: { poll: 'polls', consultation: 'consultations', budget: 'budgets' },
  },
  async stats(collectivityId) {
    const { default: ParticipationStats } =
      await import('#participation/actions/participation_stats')
    return new ParticipationStats().handle(collectivityId)
  },
  gdpr: {
    async export(citizenId) {
      const { ExportParticipation } = await import('#participation/actions/participation_gdpr')
      return new ExportParticipation().handle(citizenId)
    },
    async erase(citizenId, trx) {
      const { DetachParticipation } = await import('#participation/actions/participation_gdpr')
      await new DetachParticipation().handle(citizenId, trx)
    },
  },
  async jobs() {
    const { closeBudgetVotesJob } = await import('#participation/jobs/close_budget_votes_job')
    return [closeBudgetVotesJob]
  },
  routes: () => import('#participation/routes'),
  openapi: () => import('#participation/openapi'),
})
