import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { DomainError } from '#kernel/http/errors'
import SaveMenu from '#info/actions/save_menu'
import PublishContent from '#info/actions/publish_content'
import ScheduleContent from '#info/actions/schedule_content'
import UnpublishContent from '#info/actions/unpublish_content'
import type Menu from '#info/models/menu'
import {
  menuFormValidator,
  parisDateTime,
  publishValidator,
  scheduleValidator,
} from '#info/validators/back_office'

const pageOf = (menu: Menu) => `/info/canteens?edit=${menu.canteenId}&menu=${menu.id}`

function idOf(value: unknown): number {
  const id = Number(value)
  if (!Number.isSafeInteger(id) || id < 1)
    throw new DomainError('E_NOT_FOUND', 'Contenu introuvable', 404)
  return id
}

/**
 * A canteen's menus in the back-office, edited on the canteen's page: create, change, publish,
 * schedule, unpublish. The canteen and the menu must belong to the current authority.
 */
export default class MenusController {
  async store({ bouncer, tenant, params, request, response, session }: HttpContext) {
    await bouncer.authorize('act', 'info.publish')
    const values = await request.validateUsing(menuFormValidator)
    const menu = await new SaveMenu().handle(tenant.collectivityId, {
      canteenId: idOf(params.id),
      date: DateTime.fromISO(values.date),
      meal: values.meal,
      dishes: values.dishes.map((dish) => ({
        ...dish,
        labels: dish.labels ?? [],
        allergens: dish.allergens ?? [],
      })),
    })
    session.flash('success', `Menu du ${values.date} enregistré.`)
    return response.redirect(pageOf(menu))
  }

  async update({ bouncer, tenant, params, request, response, session }: HttpContext) {
    await bouncer.authorize('act', 'info.publish')
    const values = await request.validateUsing(menuFormValidator)
    const menu = await new SaveMenu().handle(
      tenant.collectivityId,
      {
        canteenId: idOf(params.canteenId),
        date: DateTime.fromISO(values.date),
        meal: values.meal,
        dishes: values.dishes.map((dish) => ({
          ...dish,
          labels: dish.labels ?? [],
          allergens: dish.allergens ?? [],
        })),
      },
      idOf(params.id),
      { agent: tenant.agent, ip: request.ip() }
    )
    session.flash('success', 'Menu modifié.')
    return response.redirect(pageOf(menu))
  }

  async publish({ bouncer, tenant, params, request, response, session }: HttpContext) {
    await bouncer.authorize('act', 'info.publish')
    const { expireAt } = await request.validateUsing(publishValidator)
    const menu = (await new PublishContent().handle({
      type: 'menu',
      id: idOf(params.id),
      expireAt: parisDateTime(expireAt, 'expireAt'),
      ownerIds: [tenant.collectivityId],
      by: { agent: tenant.agent, ip: request.ip() },
    })) as Menu
    session.flash('success', 'Menu publié.')
    return response.redirect(pageOf(menu))
  }

  async schedule({ bouncer, tenant, params, request, response, session }: HttpContext) {
    await bouncer.authorize('act', 'info.publish')
    const { publishAt, expireAt } = await request.validateUsing(scheduleValidator)
    const menu = (await new ScheduleContent().handle({
      type: 'menu',
      id: idOf(params.id),
      publishAt: parisDateTime(publishAt, 'publishAt'),
      expireAt: parisDateTime(expireAt, 'expireAt'),
      ownerIds: [tenant.collectivityId],
      by: { agent: tenant.agent, ip: request.ip() },
    })) as Menu
    session.flash('success', 'Publication du menu programmée.')
    return response.redirect(pageOf(menu))
  }

  async unpublish({ bouncer, tenant, params, request, response, session }: HttpContext) {
    await bouncer.authorize('act', 'info.publish')
    const menu = (await new UnpublishContent().handle({
      type: 'menu',
      id: idOf(params.id),
      ownerIds: [tenant.collectivityId],
      by: { agent: tenant.agent, ip: request.ip() },
    })) as Menu
    session.flash('success', 'Menu dépublié : repassé en brouillon.')
    return response.redirect(pageOf(menu))
  }
}
