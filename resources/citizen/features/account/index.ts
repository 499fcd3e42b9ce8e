import type { Feature } from '../../features'

/** Account pages: the ones the mailed links open (/app/verifier-email, /app/nouveau-mot-de-passe). */
export default {
  routes: [
    { path: '/compte', title: 'Mon compte', component: () => import('./account.vue') },
    { path: '/compte/inscription', title: 'Créer un compte', component: () => import('./register.vue') },
    { path: '/verifier-email', title: 'Vérification de l’adresse e-mail', component: () => import('./verify_email.vue') },
    { path: '/mot-de-passe-oublie', title: 'Mot de passe oublié', component: () => import('./forgot_password.vue') },
    { path: '/nouveau-mot-de-passe', title: 'Nouveau mot de passe', component: () => import('./reset_password.vue') },
    { path: '/mes-donnees', title: 'Mes données', component: () => import('./my_data.vue') },
  ],
  nav: [{ label: 'Compte', to: '/compte', icon: '👤', order: 3, place: 'more' }],
} satisfies Feature
