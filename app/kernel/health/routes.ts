import router from '@adonisjs/core/services/router'

const HealthController = () => import('#kernel/health/controllers/health_controller')

/** Outside every middleware group: no session, no auth, nothing a probe does not need. */
router.get('/health', [HealthController, 'show']).as('health')
