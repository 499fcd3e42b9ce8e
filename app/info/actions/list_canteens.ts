import { DateTime } from 'luxon'
import Canteen from '#info/models/canteen'
import Menu from '#info/models/menu'
import { paginateByCursor, type PageRequest } from '#kernel/http/pagination'
import { DomainError, NotFoundError } from '#kernel/http/errors'
import { whereVisible, type Audience } from '#info/support/audience'
import { canteenJson, menuJson } from '#info/transformers/content'
import { MEALS, TIME_ZONE } from '#info/vocabulary'

/** A menu request spans at most this many days. */
export const MAX_MENU_DAYS = 31

/** Canteens of an authority and the levels above it, by name. */
export default class ListCanteens {
  async handle(audience: Audience, page: PageRequest, now: Date = new Date()) {
    audience.requireFeature('canteens')
    const query = whereVisible(Canteen.visibleFrom(audience), 'info_canteens', now)
    const result = await paginateByCursor(query, page, {
      listing: 'info.canteens',
      column: 'name',
      kind: 'text',
      direction: 'asc',
    })
    return result.toJSON((canteen) => canteenJson(canteen, audience))
  }
}

/**
 * The menus of one canteen between two dates (default: this day and the six after, in
 * Europe/Paris), by date and meal, published ones only; allergens shown unless the authority
 * turned them off.
 */
export class ListMenus {
  async handle(
    audience: Audience,
    canteenId: number,
    range: { from?: DateTime; to?: DateTime },
    now: Date = new Date()
  ) {
    audience.requireFeature('canteens')
    const canteen = await whereVisible(Canteen.visibleFrom(audience), 'info_canteens', now)
      .where('id', canteenId)
      .first()
    if (!canteen) throw new NotFoundError('Cantine introuvable')
    const from = (range.from ?? DateTime.fromJSDate(now, { zone: TIME_ZONE })).toISODate()!
    const to = (range.to ?? DateTime.fromISO(from).plus({ days: 6 })).toISODate()!
    if (to < from)
      throw new DomainError(
        'E_INVALID_RANGE',
        'La date de fin de période précède la date de début',
        422,
        'to'
      )
    if (DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days >= MAX_MENU_DAYS) {
      throw new DomainError(
        'E_RANGE_TOO_LONG',
        `Au plus ${MAX_MENU_DAYS} jours de menus par demande`,
        422,
        'to'
      )
    }
    const menus = await whereVisible(Menu.query(), 'info_menus', now)
      .where('canteen_id', canteen.id)
      .whereBetween('date', [from, to])
      .orderBy('date')
    menus.sort(
      (a, b) =>
        a.date.toMillis() - b.date.toMillis() || MEALS.indexOf(a.meal) - MEALS.indexOf(b.meal)
    )
    const showAllergens = audience.settingsOf('canteens').showAllergens !== false
    return {
      data: {
        canteen: canteenJson(canteen, audience),
        from,
        to,
        menus: menus.map((menu) => menuJson(menu, showAllergens)),
      },
    }
  }
}
