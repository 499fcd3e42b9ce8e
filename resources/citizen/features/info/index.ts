import type { Feature } from '../../features'
// The feed is the first screen: in the entry bundle, one round trip less before it paints.
import Feed from './feed.vue'

/** The info module's screens: feed, news, agenda, places, canteen menus, useful contacts. */
export default {
  routes: [
    { path: '/', title: 'Fil d’actualité', component: () => Promise.resolve(Feed) },
    { path: '/actualites/:code/:id', title: 'Actualité', component: () => import('./news.vue') },
    { path: '/agenda', title: 'Agenda', component: () => import('./agenda.vue') },
    { path: '/agenda/:code/:id', title: 'Événement', component: () => import('./event.vue') },
    { path: '/lieux', title: 'Lieux', component: () => import('./places.vue') },
    { path: '/lieux/:code/:id', title: 'Lieu', component: () => import('./place.vue') },
    { path: '/menus', title: 'Menus des cantines', component: () => import('./menus.vue') },
    { path: '/contacts', title: 'Contacts utiles', component: () => import('./contacts.vue') },
  ],
  nav: [
    { label: 'Fil', to: '/', icon: '📰', order: 1, place: 'main' },
    { label: 'Agenda', to: '/agenda', icon: '📅', order: 2, place: 'main' },
    { label: 'Lieux', to: '/lieux', icon: '🗺️', order: 3, place: 'main' },
    { label: 'Menus', to: '/menus', icon: '🍽️', order: 4, place: 'main' },
    { label: 'Contacts', to: '/contacts', icon: '☎️', order: 5, place: 'main' },
  ],
} satisfies Feature
