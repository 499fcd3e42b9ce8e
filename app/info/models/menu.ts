import { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import PublicationBase from '#info/models/publication_base'
import type { Allergen, Course, DishLabel, Meal } from '#info/vocabulary'

export interface Dish {
  course: Course
  name: string
  labels: DishLabel[]
  allergens: Allergen[]
}

/**
 * One meal of one canteen on one day. It shows when its canteen does and it is itself
 * published (drafts let an agent prepare next week's menus); imported menus are published.
 */
export default class Menu extends PublicationBase {
  static table = 'info_menus'

  @column()
  declare canteenId: number

  @column.date()
  declare date: DateTime

  @column()
  declare meal: Meal

  // pg would send a JS array as a PostgreSQL array: jsonb needs the JSON text.
  @column({ prepare: (dishes: Dish[]) => JSON.stringify(dishes) })
  declare dishes: Dish[]
}
