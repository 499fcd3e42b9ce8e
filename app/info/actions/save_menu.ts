import { auditContent } from '#info/support/content_audit'
import type { AuditActor } from '#kernel/accounts/actions/record_audit'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Menu, { type Dish } from '#info/models/menu'
import { findContentForUpdate } from '#info/actions/find_content'
import { DomainError, NotFoundError } from '#kernel/http/errors'
import { ALLERGENS, COURSES, DISH_LABELS, type Meal } from '#info/vocabulary'

export interface MenuInput {
  canteenId: number
  date: DateTime
  meal: Meal
  dishes: Dish[]
}

/** Checks dishes against the vocabularies (course, labels, the 14 regulatory allergens). */
export function assertDishes(dishes: Dish[]): Dish[] {
  if (dishes.length === 0)
    throw new DomainError('E_MENU_EMPTY', 'Un menu compte au moins un plat', 422, 'dishes')
  return dishes.map((dish, index) => {
    if (!dish.name?.trim())
      throw new DomainError(
        'E_DISH_NAME',
        `Plat n° ${index + 1} sans nom`,
        422,
        `dishes.${index}.name`
      )
    if (!COURSES.includes(dish.course)) {
      throw new DomainError(
        'E_DISH_COURSE',
        `Plat n° ${index + 1} : type de plat inconnu « ${dish.course} »`,
        422,
        `dishes.${index}.course`
      )
    }
    const unknownLabel = dish.labels.find((label) => !DISH_LABELS.includes(label))
    if (unknownLabel) {
      throw new DomainError(
        'E_DISH_LABEL',
        `Plat n° ${index + 1} : label inconnu « ${unknownLabel} »`,
        422,
        `dishes.${index}.labels`
      )
    }
    const unknownAllergen = dish.allergens.find((allergen) => !ALLERGENS.includes(allergen))
    if (unknownAllergen) {
      throw new DomainError(
        'E_DISH_ALLERGEN',
        `Plat n° ${index + 1} : « ${unknownAllergen} » n’est pas un des 14 allergènes réglementaires`,
        422,
        `dishes.${index}.allergens`
      )
    }
    return {
      course: dish.course,
      name: dish.name.trim(),
      labels: [...new Set(dish.labels)],
      allergens: [...new Set(dish.allergens)],
    }
  })
}

/**
 * Sets the menu of one meal of one canteen on one day. Without `id`, the meal's menu is created
 * in draft (or, if that meal already has one, its dishes are replaced and its state kept); with
 * `id`, that menu is changed, and moving it onto a meal that already has a menu is refused.
 */
export default class SaveMenu {
  async handle(collectivityId: number, input: MenuInput, id?: number, by?: AuditActor) {
    const dishes = assertDishes(input.dishes)
    if (!input.date.isValid)
      throw new DomainError('E_INVALID_DATE', 'Date du menu invalide', 422, 'date')
    return db.transaction(async (trx) => {
      await findContentForUpdate('canteen', input.canteenId, trx, [collectivityId])
      const date = input.date.toISODate()!
      const sameMeal = await Menu.query({ client: trx })
        .where({ canteenId: input.canteenId, meal: input.meal })
        .where('date', date)
        .forUpdate()
        .first()
      let menu: Menu
      if (id) {
        menu = await findContentForUpdate('menu', id, trx, [collectivityId])
        if (menu.canteenId !== input.canteenId) throw new NotFoundError('Menu introuvable')
        if (sameMeal && sameMeal.id !== menu.id) {
          throw new DomainError(
            'E_MENU_EXISTS',
            'Cette cantine a déjà un menu pour ce repas ce jour-là : modifiez-le',
            422,
            'date'
          )
        }
      } else {
        menu =
          sameMeal ??
          new Menu().merge({ canteenId: input.canteenId, collectivityId, status: 'draft' })
      }
      menu.merge({ collectivityId, meal: input.meal, date: DateTime.fromISO(date), dishes })
      await menu.useTransaction(trx).save()
      await auditContent(trx, by, id ? 'updated' : 'created', 'menu', menu)
      return menu
    })
  }
}
