import vine from '@vinejs/vine'
import { defineModule } from '#kernel/modules/manifest'

export default defineModule({
  key: 'info',
  label: 'Informations',
  features: [
    {
      key: 'news',
      label: 'Actualités',
      description: 'Articles et annonces',
      kind: 'core',
      navigation: { label: 'Actualités', href: '/info/news', ability: 'info.publish' },
    },
    {
      key: 'agenda',
      label: 'Agenda',
      description: 'Événements et sorties',
      kind: 'core',
      navigation: { label: 'Agenda', href: '/info/events', ability: 'info.publish' },
    },
    {
      key: 'alerts',
      label: 'Alertes',
      description:
        'Route fermée, coupure d’eau, vigilance météo, urgence : en tête et en notification',
      kind: 'core',
    },
    {
      key: 'contacts',
      navigation: { label: 'Contacts utiles', href: '/info/contacts', ability: 'info.publish' },
      label: 'Contacts utiles',
      description: 'Numéros et services par thème',
      kind: 'core',
    },
    {
      key: 'producers',
      navigation: { label: 'Lieux', href: '/info/places', ability: 'info.publish' },
      backOfficePaths: ['/info/imports/places'],
      label: 'Producteurs locaux',
      description: 'Fermes et vente directe',
      kind: 'optional',
    },
    {
      key: 'markets',
      navigation: { label: 'Lieux', href: '/info/places', ability: 'info.publish' },
      backOfficePaths: ['/info/imports/places'],
      label: 'Marchés',
      description: 'Marchés et jours de marché',
      kind: 'optional',
    },
    {
      key: 'accommodation',
      navigation: { label: 'Lieux', href: '/info/places', ability: 'info.publish' },
      backOfficePaths: ['/info/imports/places'],
      label: 'Hébergements et restaurants',
      description: 'Où dormir, où manger',
      kind: 'optional',
    },
    {
      key: 'mobility',
      navigation: { label: 'Lieux', href: '/info/places', ability: 'info.publish' },
      backOfficePaths: [
        '/info/imports/places',
        '/info/imports/bike-lanes',
        '/info/imports/carpool',
      ],
      label: 'Mobilités douces',
      description: 'Pistes cyclables, stationnement vélo, aires de covoiturage',
      kind: 'optional',
    },
    {
      key: 'canteens',
      navigation: { label: 'Cantines', href: '/info/canteens', ability: 'info.publish' },
      // A canteen's menus and their import belong to it too.
      backOfficePaths: ['/info/menus', '/info/imports/menus'],
      label: 'Menus des cantines',
      description: 'Restauration scolaire et menus du jour',
      kind: 'optional',
      settings: vine.object({ showAllergens: vine.boolean() }),
      defaults: { showAllergens: true },
      settingsLabels: {
        showAllergens: {
          label: 'Afficher les allergènes aux familles',
          hint: 'Les 14 allergènes réglementaires de chaque plat, dans l’application',
        },
      },
    },
  ],
  permissions: {
    'info.publish': ['admin', 'editor'],
    'info.import': ['admin', 'editor'],
  },
  feed: { types: ['news', 'event'], features: { news: 'news', event: 'agenda' } },
  auditSubjects: {
    news: 'l’actualité',
    event: 'l’événement',
    place: 'le lieu',
    contact: 'le contact',
    canteen: 'la cantine',
    menu: 'le menu',
  },
  async onboard(collectivity) {
    const { default: SeedNationalContacts } = await import('#info/actions/seed_national_contacts')
    await new SeedNationalContacts().handle(collectivity)
  },
  async stats(collectivityId) {
    const { default: InfoStats } = await import('#info/actions/info_stats')
    return new InfoStats().handle(collectivityId)
  },
  async jobs() {
    const { refreshPublicationStatesJob } =
      await import('#info/jobs/refresh_publication_states_job')
    return [refreshPublicationStatesJob]
  },
  async vocabularies() {
    const { INFO_VOCABULARIES } = await import('#info/vocabulary')
    return INFO_VOCABULARIES
  },
  routes: () => import('#info/routes'),
  openapi: () => import('#info/openapi'),
})
