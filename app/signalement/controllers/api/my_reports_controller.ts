import type { HttpContext } from '@adonisjs/core/http'
import ShowOwnReport from '#signalement/actions/show_own_report'
import { reportIdValidator } from '#signalement/validators/api'

/** The signed-in citizen's own report, read by its detail screen in the app. */
export default class MyReportsController {
  async show({ auth, params }: HttpContext) {
    const { id } = await reportIdValidator.validate({ id: params.id })
    return new ShowOwnReport().handle(id, auth.use('api').getUserOrFail().id)
  }
}
