import { DateTime } from 'luxon'
import Menu from '#info/models/menu'
import { NotFoundError } from '#kernel/http/errors'
import { MEALS, TIME_ZONE } from '#info/vocabulary'

/** How far back the back-office lists a canteen's menus (upcoming ones are all listed). */
const PAST_DAYS = 31
const MAX_MENUS = 200

export interface MenuForEditing {
  id: number
  date: string
  meal: string
  state: string
  publishAt: string | null
  expireAt: string | null
  dishes: Menu['dishes']
}

function forEditing(menu: Menu): MenuForEditing {
  return {
    id: menu.id,
    date: menu.date.toISODate()!,
    meal: menu.meal,
    state: menu.stateAt(),
    publishAt: menu.publishAt?.toISO() ?? null,
    expireAt: menu.expireAt?.toISO() ?? null,
    dishes: menu.dishes,
  }
}

/**
 * The menus of one of the authority's canteens for its back-office page: the last month and
 * everything ahead, by date and meal, and the one being edited (`menuId`), which may be older.
 */
export default class ListMenusForEditing {
  async handle(
    collectivityId: number,
    canteenId: number,
    menuId?: number,
    now: Date = new Date()
  ): Promise<{ menus: MenuForEditing[]; editingMenu: MenuForEditing | null }> {
    const since = DateTime.fromJSDate(now, { zone: TIME_ZONE })
      .minus({ days: PAST_DAYS })
      .toISODate()!
    const menus = await Menu.query()
      .where({ collectivityId, canteenId })
      .where('date', '>=', since)
      .orderBy('date')
      .limit(MAX_MENUS)
    menus.sort(
      (a, b) =>
        a.date.toMillis() - b.date.toMillis() || MEALS.indexOf(a.meal) - MEALS.indexOf(b.meal)
    )
    let editingMenu: Menu | null = null
    if (menuId) {
      editingMenu = await Menu.query().where({ collectivityId, canteenId, id: menuId }).first()
      if (!editingMenu) throw new NotFoundError('Menu introuvable')
    }
    return {
      menus: menus.map(forEditing),
      editingMenu: editingMenu ? forEditing(editingMenu) : null,
    }
  }
}
