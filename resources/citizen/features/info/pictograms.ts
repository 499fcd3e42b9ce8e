/*
| Pictograms drawn beside the French words of dish labels and allergens (the words come from
| GET /api/v1/vocabularies; a pictogram alone never carries the meaning).
*/
export const PICTOGRAMS: Record<string, string> = {
  bio: '🌿',
  local: '📍',
  vegetarien: '🥕',
  aop: '🏅',
  aoc: '🏅',
  igp: '🏅',
  label_rouge: '🎖️',
  peche_durable: '🎣',
  fait_maison: '🏠',
  gluten: '🌾',
  crustaces: '🦐',
  oeufs: '🥚',
  poissons: '🐟',
  arachides: '🥜',
  soja: '🫘',
  lait: '🥛',
  fruits_a_coque: '🌰',
  celeri: '🥬',
  moutarde: '🟡',
  sesame: '⚪',
  sulfites: '🍷',
  lupin: '🌼',
  mollusques: '🐚',
}
