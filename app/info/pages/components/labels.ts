/** French labels of the info module's stored values, for the back-office pages. */
export const STATE_LABELS: Record<string, string> = {
  draft: 'Brouillon',
  scheduled: 'Programmé',
  published: 'Publié',
  expired: 'Expiré',
}

export const OPTION_LABELS: Record<string, string> = {
  culture: 'Culture',
  association: 'Association',
  sport: 'Sport',
  market: 'Marché',
  other: 'Autre',
  producer: 'Producteur',
  accommodation: 'Hébergement',
  restaurant: 'Restaurant',
  bike_lane: 'Piste cyclable',
  bike_parking: 'Stationnement vélo',
  carpool_area: 'Aire de covoiturage',
  secours: 'Secours et urgences',
  sante: 'Santé',
  violences: 'Violences',
  enfance: 'Enfance',
  seniors: 'Seniors',
  social: 'Social',
  mairie: 'Mairie',
  autre: 'Autre',
  creche: 'Crèche',
  maternelle: 'Maternelle',
  elementaire: 'Élémentaire',
  college: 'Collège',
  lycee: 'Lycée',
  ehpad: 'EHPAD',
}

/** Canteen menus: meals, courses, dish labels and the 14 regulatory allergens. */
export const MENU_LABELS: Record<string, string> = {
  petit_dejeuner: 'Petit déjeuner',
  dejeuner: 'Déjeuner',
  gouter: 'Goûter',
  diner: 'Dîner',
  entree: 'Entrée',
  plat: 'Plat',
  accompagnement: 'Accompagnement',
  fromage: 'Fromage',
  dessert: 'Dessert',
  bio: 'Bio',
  local: 'Local',
  vegetarien: 'Végétarien',
  aop: 'AOP',
  aoc: 'AOC',
  igp: 'IGP',
  label_rouge: 'Label Rouge',
  peche_durable: 'Pêche durable',
  fait_maison: 'Fait maison',
  gluten: 'Gluten',
  crustaces: 'Crustacés',
  oeufs: 'Œufs',
  poissons: 'Poissons',
  arachides: 'Arachides',
  soja: 'Soja',
  lait: 'Lait',
  fruits_a_coque: 'Fruits à coque',
  celeri: 'Céleri',
  moutarde: 'Moutarde',
  sesame: 'Sésame',
  sulfites: 'Sulfites',
  lupin: 'Lupin',
  mollusques: 'Mollusques',
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
