/** French labels of the info module's stored values, for the back-office pages. */
import {
  ALERT_KIND_LABELS,
  ALLERGEN_LABELS,
  CANTEEN_TYPE_LABELS,
  CONTACT_THEME_LABELS,
  COURSE_LABELS,
  DISH_LABEL_LABELS,
  EVENT_CATEGORY_LABELS,
  MEAL_LABELS,
  PLACE_CATEGORY_LABELS,
  PUBLICATION_STATE_LABELS,
} from '../../vocabulary.js'

export const STATE_LABELS: Record<string, string> = PUBLICATION_STATE_LABELS

export const OPTION_LABELS: Record<string, string> = {
  ...EVENT_CATEGORY_LABELS,
  ...PLACE_CATEGORY_LABELS,
  ...CONTACT_THEME_LABELS,
  ...CANTEEN_TYPE_LABELS,
  ...ALERT_KIND_LABELS,
}

/** Canteen menus: meals, courses, dish labels and the 14 regulatory allergens. */
export const MENU_LABELS: Record<string, string> = {
  ...MEAL_LABELS,
  ...COURSE_LABELS,
  ...DISH_LABEL_LABELS,
  ...ALLERGEN_LABELS,
}

export const menuLabel = (value: string) => MENU_LABELS[value] ?? value

export const labelOf = (value: string) => OPTION_LABELS[value] ?? STATE_LABELS[value] ?? value

export function parisDate(iso: string | null): string {
  if (!iso) return '—'
  return new Intl.DateTimeFormat('fr-FR', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  }).format(new Date(iso))
}
