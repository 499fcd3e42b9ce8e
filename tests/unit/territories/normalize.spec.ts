import { test } from '@japa/runner'
import { normalizeName, normalizeQuery, slugify } from '#kernel/territories/cog/normalize'

test.group('Territories / normalisation', () => {
  test('removes case, accents, ligatures, hyphens and apostrophes', ({ assert }) => {
    assert.equal(normalizeName("L'Isle-Jourdain"), 'l isle jourdain')
    assert.equal(normalizeName('Saint-Étienne-du-Rouvray'), 'saint etienne du rouvray')
    assert.equal(normalizeName('Œuilly'), 'oeuilly')
    assert.equal(normalizeName('Cabas-Loumassès'), 'cabas loumasses')
    assert.equal(normalizeName('  Aire-sur-l’Adour  '), 'aire sur l adour')
    assert.equal(normalizeName('CC Cœur de Gascogne (CCCG)'), 'cc coeur de gascogne cccg')
  })

  test('reads "St" and "Ste" in a query as saint and sainte', ({ assert }) => {
    assert.equal(normalizeQuery('St-Jean'), 'saint jean')
    assert.equal(normalizeQuery('ste foy'), 'sainte foy')
    assert.equal(normalizeQuery('Stenay'), 'stenay')
    assert.equal(normalizeQuery("  --'' "), '')
  })

  test('slugs are lower-case words joined by hyphens', ({ assert }) => {
    assert.equal(slugify("L'Isle-Jourdain"), 'l-isle-jourdain')
    assert.equal(slugify('Corse-du-Sud'), 'corse-du-sud')
  })
})
