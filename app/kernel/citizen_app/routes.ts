/*
| The citizen progressive web app under /app: no session, no CSRF, no Inertia (ADR 0002); the
| app itself talks to /api/v1 only. Every other /app address is the shell (history routing).
*/
import router from '@adonisjs/core/services/router'

const CitizenAppController = () => import('#kernel/citizen_app/controllers/citizen_app_controller')

router.get('/app/sw.js', [CitizenAppController, 'serviceWorker']).as('citizen_app.worker')
router
  .get('/app/manifest.webmanifest', [CitizenAppController, 'manifest'])
  .as('citizen_app.manifest')
router.get('/app/icons/:file', [CitizenAppController, 'icon']).as('citizen_app.icon')
router.get('/app', [CitizenAppController, 'shell']).as('citizen_app.home')
router.get('/app/*', [CitizenAppController, 'shell']).as('citizen_app.shell')
