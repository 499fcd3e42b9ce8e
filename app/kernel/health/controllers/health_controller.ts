import type { HttpContext } from '@adonisjs/core/http'
import CheckHealth from '#kernel/health/actions/check_health'

/** Load balancer and orchestrator probe: 200 when every dependency answers, 503 otherwise. */
export default class HealthController {
  async show({ response }: HttpContext) {
    const report = await new CheckHealth().handle()
    response.header('Cache-Control', 'no-store')
    return response.status(report.status === 'ok' ? 200 : 503).json(report)
  }
}
