import type { HttpContext } from '@adonisjs/core/http'
import UpdateCitizenProfile from '#kernel/accounts/citizens/actions/update_citizen_profile'
import ExportCitizenData from '#kernel/accounts/citizens/actions/export_citizen_data'
import DeleteCitizenAccount from '#kernel/accounts/citizens/actions/delete_citizen_account'
import ListCitizenSessions from '#kernel/accounts/citizens/actions/list_citizen_sessions'
import { readPageRequest } from '#kernel/http/pagination'
import { citizenJson } from '#kernel/accounts/citizens/citizen_transformer'
import {
  deleteCitizenAccountValidator,
  updateCitizenProfileValidator,
} from '#kernel/accounts/citizens/validators'

/** The signed-in citizen's own account: profile, GDPR export and erasure. */
export default class CitizenAccountController {
  async show({ auth }: HttpContext) {
    const citizen = auth.use('api').getUserOrFail()
    await citizen.load('homeCommune')
    return { data: citizenJson(citizen) }
  }

  async update({ auth, request }: HttpContext) {
    const input = await request.validateUsing(updateCitizenProfileValidator)
    const citizen = await new UpdateCitizenProfile().handle(auth.use('api').getUserOrFail(), {
      displayName: input.display_name,
      homeCommuneCode: input.home_commune_code,
    })
    await citizen.load('homeCommune')
    return { data: citizenJson(citizen) }
  }

  async sessions({ auth, request }: HttpContext) {
    const citizen = auth.use('api').getUserOrFail()
    const page = await new ListCitizenSessions().handle(citizen.id, await readPageRequest(request))
    const currentId = Number(citizen.currentAccessToken.identifier)
    return page.toJSON((session) => ({
      id: session.id,
      name: session.name,
      current: session.id === currentId,
      created_at: session.created_at.toISOString(),
      last_used_at: session.last_used_at?.toISOString() ?? null,
      expires_at: session.expires_at?.toISOString() ?? null,
    }))
  }

  async export({ auth, response }: HttpContext) {
    const data = await new ExportCitizenData().handle(auth.use('api').getUserOrFail().id)
    response.header('Content-Disposition', 'attachment; filename="bastide-mes-donnees.json"')
    return data
  }

  async destroy({ auth, request, response }: HttpContext) {
    const input = await request.validateUsing(deleteCitizenAccountValidator)
    await new DeleteCitizenAccount().handle(auth.use('api').getUserOrFail(), input)
    return response.noContent()
  }
}
