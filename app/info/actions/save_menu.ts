import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Menu, { type Dish } from '#info/models/menu'
import { findContentForUpdate } from '#info/actions/find_content'
import { DomainError } from '#kernel/http/errors'
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

/** Sets the menu of one meal of one canteen on one day (replacing the previous one). */
export default class SaveMenu {
  async handle(collectivityId: number, input: MenuInput) {
    const dishes = assertDishes(input.dishes)
    return db.transaction(async (trx) => {
      await findContentForUpdate('canteen', input.canteenId, trx, [collectivityId])
      const date = input.date.toISODate()!
      const menu =
        (await Menu.query({ client: trx })
          .where({ canteenId: input.canteenId, meal: input.meal })
          .where('date', date)
          .first()) ??
        new Menu().merge({
          canteenId: input.canteenId,
          meal: input.meal,
          date: DateTime.fromISO(date),
        })
      menu.merge({ collectivityId, dishes })
      await menu.useTransaction(trx).save()
      return menu
    })
  }
}
