import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { Allergen, Course, DishLabel, Meal } from '#info/vocabulary'

export interface Dish {
  course: Course
  name: string
  labels: DishLabel[]
  allergens: Allergen[]
}

/** One meal of one canteen on one day; it shows when its canteen does. */
export default class Menu extends BaseModel {
  static table = 'info_menus'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare collectivityId: number

  @column()
  declare canteenId: number

  @column.date()
  declare date: DateTime

  @column()
  declare meal: Meal

  // pg would send a JS array as a PostgreSQL array: jsonb needs the JSON text.
  @column({ prepare: (dishes: Dish[]) => JSON.stringify(dishes) })
  declare dishes: Dish[]

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
