import vine from '@vinejs/vine'
import { defineModule } from '#kernel/modules/manifest'

export default defineModule({
  key: 'signalement',
  label: 'Signalements',
  features: [
    {
      key: 'reports',
      label: 'Signalements',
      description: 'Incidents signalés par les habitants (voirie, éclairage, déchets…)',
      kind: 'optional',
      settings: vine.object({ publicMap: vine.boolean() }),
      defaults: { publicMap: true },
      settingsLabels: {
        publicMap: {
          label: 'Carte publique des signalements',
          hint: 'Les signalements modérés sont visibles de tous sur la carte',
        },
      },
    },
  ],
  permissions: {
    'signalement.handle': ['admin', 'moderator'],
    'signalement.configure': ['admin'],
  },
  feed: { types: ['report_resolved'] },
  routes: () => import('#signalement/routes'),
})
