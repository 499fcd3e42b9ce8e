import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { readPageRequest } from '#kernel/http/pagination'
import ListCanteens, { ListMenus } from '#info/actions/list_canteens'
import ListContacts from '#info/actions/list_contacts'
import { Audience } from '#info/support/audience'
import {
  contactsQueryValidator,
  idParamValidator,
  menusQueryValidator,
  parisInstant,
} from '#info/validators/api'

/** School canteens with their menus, and useful contacts. */
export default class CanteensController {
  async index({ params, request }: HttpContext) {
    return new ListCanteens().handle(
      await Audience.of(String(params.code)),
      await readPageRequest(request)
    )
  }

  async menus({ params, request }: HttpContext) {
    const { id } = await idParamValidator.validate({ id: params.id })
    const query = await menusQueryValidator.validate(request.qs())
    const day = (value: DateTime | undefined) => value && DateTime.fromISO(value.toISODate()!)
    return new ListMenus().handle(await Audience.of(String(params.code)), id, {
      from: day(parisInstant(query.from, 'from', 'start')),
      to: day(parisInstant(query.to, 'to', 'start')),
    })
  }

  async contacts({ params, request }: HttpContext) {
    const { theme } = await contactsQueryValidator.validate(request.qs())
    return new ListContacts().handle(
      await Audience.of(String(params.code)),
      theme,
      await readPageRequest(request)
    )
  }
}
