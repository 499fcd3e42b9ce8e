import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Canteen from '#info/models/canteen'
import Menu, { type Dish } from '#info/models/menu'
import { readCsv, assertColumns, parseList, slugWord } from '#info/support/csv'
import { emptyReport, overTextLimits, type ImportReport } from '#info/support/import_report'
import {
  CANTEEN_TEXT_LIMITS,
  DISH_TEXT_LIMITS,
  type Allergen,
  type CanteenType,
  type Course,
  type DishLabel,
  type Meal,
} from '#info/vocabulary'

const SOURCE = 'scdl-menus-collectifs'
const REQUIRED = ['menuRestaurantNom', 'menuDate', 'menuRepasType', 'menuPlatType', 'menuPlatNom']

/** The columns that fill a form's text field, under that form's limit. */
const COLUMN_LIMITS = {
  menuRestaurantNom: CANTEEN_TEXT_LIMITS.name,
  menuPlatNom: DISH_TEXT_LIMITS.name,
}

const MEALS: Record<string, Meal> = {
  'petit dejeuner': 'petit_dejeuner',
  'dejeuner': 'dejeuner',
  'gouter': 'gouter',
  'collation': 'gouter',
  'diner': 'diner',
  'pique nique': 'dejeuner',
}

const COURSES: Record<string, Course> = {
  'entree': 'entree',
  'plat principal': 'plat',
  'plat': 'plat',
  'garniture': 'accompagnement',
  'accompagnement': 'accompagnement',
  'pain': 'accompagnement',
  'produit laitier': 'fromage',
  'fromage': 'fromage',
  'dessert': 'dessert',
  'gouter': 'gouter',
  'autre': 'accompagnement',
}

const CANTEEN_TYPES: Record<string, CanteenType> = {
  'creche': 'creche',
  'maternelle': 'maternelle',
  'elementaire': 'elementaire',
  'college': 'college',
  'lycee': 'lycee',
  'ehpad': 'ehpad',
  'residence senior': 'ehpad',
}

const SIQO: Record<string, DishLabel> = {
  'agriculture biologique': 'bio',
  'bio': 'bio',
  'appellation d origine protegee': 'aop',
  'aop': 'aop',
  'appellation d origine controlee': 'aoc',
  'aoc': 'aoc',
  'indication geographique protegee': 'igp',
  'igp': 'igp',
  'label rouge': 'label_rouge',
}

/** The 14 regulatory allergens under the names French files give them. */
const ALLERGEN_NAMES: Record<string, Allergen> = {
  'gluten': 'gluten',
  'cereales contenant du gluten': 'gluten',
  'crustaces': 'crustaces',
  'oeufs': 'oeufs',
  'oeuf': 'oeufs',
  'poissons': 'poissons',
  'poisson': 'poissons',
  'arachides': 'arachides',
  'arachide': 'arachides',
  'soja': 'soja',
  'lait': 'lait',
  'fruits a coque': 'fruits_a_coque',
  'fruits a coques': 'fruits_a_coque',
  'celeri': 'celeri',
  'moutarde': 'moutarde',
  'sesame': 'sesame',
  'graines de sesame': 'sesame',
  'sulfites': 'sulfites',
  'anhydride sulfureux et sulfites': 'sulfites',
  'lupin': 'lupin',
  'mollusques': 'mollusques',
}

function normaliseWord(value: string) {
  return slugWord(value.replace(/œ/g, 'oe'))
}

interface ParsedRow {
  canteenKey: string
  canteenName: string
  canteenType: CanteenType
  date: string
  meal: Meal
  dish: Dish
}

/** One row of the file as a dish of a meal, or the reason it cannot be one. */
function parseRow(values: Record<string, string>): ParsedRow | string {
  const date = DateTime.fromISO(values.menuDate)
  if (!date.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(values.menuDate))
    return `menuDate « ${values.menuDate} » n’est pas une date AAAA-MM-JJ`
  if (!values.menuRestaurantNom) return 'menuRestaurantNom vide'
  const meal = MEALS[normaliseWord(values.menuRepasType)]
  if (!meal) return `menuRepasType « ${values.menuRepasType} » non géré`
  const course = COURSES[normaliseWord(values.menuPlatType)]
  if (!course) return `menuPlatType « ${values.menuPlatType} » inconnu`
  if (!values.menuPlatNom) return 'menuPlatNom vide'
  const tooLong = overTextLimits(values, COLUMN_LIMITS)
  if (tooLong) return tooLong
  const allergens: Allergen[] = []
  for (const name of parseList(values.menuPlatAllergene ?? '')) {
    const allergen = ALLERGEN_NAMES[normaliseWord(name)]
    if (!allergen) return `allergène « ${name} » hors des 14 allergènes réglementaires`
    allergens.push(allergen)
  }
  const labels = new Set<DishLabel>()
  for (const name of parseList(values.menuPlatSiqo ?? '')) {
    const label = SIQO[normaliseWord(name)]
    if (label) labels.add(label)
  }
  for (const name of parseList(values.menuPlatRegime ?? '')) {
    if (normaliseWord(name).startsWith('vegetarien')) labels.add('vegetarien')
  }
  const freeLabels = normaliseWord(values.menuPlatLabel ?? '')
  if (freeLabels.includes('local')) labels.add('local')
  if (freeLabels.includes('fait maison')) labels.add('fait_maison')
  if (freeLabels.includes('peche durable') || freeLabels.includes('msc'))
    labels.add('peche_durable')
  const idType = (values.menuRestaurantIdType ?? '').trim()
  const canteenKey =
    values.menuRestaurantId && idType !== 'sans'
      ? values.menuRestaurantId
      : normaliseWord(values.menuRestaurantNom)
  return {
    canteenKey,
    canteenName: values.menuRestaurantNom.trim(),
    canteenType: CANTEEN_TYPES[normaliseWord(values.menuRestaurantType ?? '')] ?? 'autre',
    date: values.menuDate,
    meal,
    dish: { course, name: values.menuPlatNom.trim(), labels: [...labels], allergens },
  }
}

/**
 * Imports canteen menus from a file of the national schema `scdl/menus-collectifs` (one row per
 * dish). Canteens are matched on `menuRestaurantId` (or their name) and created published; each
 * meal of the file replaces that meal's dishes, so a rerun gives the same menus.
 */
export default class ImportMenus {
  async handle(
    collectivityId: number,
    file: Buffer,
    outer?: TransactionClientContract
  ): Promise<ImportReport> {
    const { headers, rows } = readCsv(file)
    assertColumns(headers, REQUIRED)
    const report = emptyReport()
    const meals = new Map<string, { row: ParsedRow; dishes: Dish[] }>()
    for (const { line, values, problem } of rows) {
      const parsed = problem ?? parseRow(values)
      if (typeof parsed === 'string') {
        report.rejected.push({ line, sourceId: values.menuPlatCode || undefined, reason: parsed })
        continue
      }
      const key = `${parsed.canteenKey}|${parsed.date}|${parsed.meal}`
      const meal = meals.get(key) ?? { row: parsed, dishes: [] }
      meal.dishes.push(parsed.dish)
      meals.set(key, meal)
      report.accepted++
    }
    const write = async (trx: TransactionClientContract) => {
      const canteens = new Map<string, Canteen>()
      for (const { row, dishes } of meals.values()) {
        let canteen = canteens.get(row.canteenKey)
        if (!canteen) {
          const existing = await Canteen.query({ client: trx })
            .where({ collectivityId, source: SOURCE, sourceId: row.canteenKey })
            .first()
          canteen =
            existing ??
            new Canteen().merge({
              collectivityId,
              source: SOURCE,
              sourceId: row.canteenKey,
              status: 'published',
              publishAt: DateTime.now(),
            })
          canteen.merge({ name: row.canteenName, type: row.canteenType })
          await canteen.useTransaction(trx).save()
          canteens.set(row.canteenKey, canteen)
        }
        const menu =
          (await Menu.query({ client: trx })
            .where({ canteenId: canteen.id, meal: row.meal })
            .where('date', row.date)
            .first()) ??
          new Menu().merge({
            canteenId: canteen.id,
            meal: row.meal,
            date: DateTime.fromISO(row.date),
            // Open data is public already: imported menus show at once, like their canteens.
            status: 'published',
            publishAt: DateTime.now(),
          })
        const created = !menu.$isPersisted
        menu.merge({ collectivityId, dishes })
        await menu.useTransaction(trx).save()
        if (created) report.created++
        else report.updated++
      }
    }
    // Inside the caller's transaction when given (RunImport writes its audit record there).
    await (outer ? write(outer) : db.transaction(write))
    return report
  }
}
