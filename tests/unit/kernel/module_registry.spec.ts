import vine from '@vinejs/vine'
import { test } from '@japa/runner'
import { allFeatures, coreFeatureKeys, modules } from '#kernel/modules/registry'

test.group('Module registry', () => {
  test('every module declares a unique key and features with unique keys', ({ assert }) => {
    const moduleKeys = modules.map((module) => module.key)
    assert.deepEqual(moduleKeys, ['info', 'participation', 'signalement'])
    const featureKeys = allFeatures().map((feature) => feature.key)
    assert.equal(new Set(featureKeys).size, featureKeys.length)
  })

  test('news, agenda, contacts and alerts are the core features', ({ assert }) => {
    assert.sameMembers(coreFeatureKeys(), ['news', 'agenda', 'contacts', 'alerts'])
  })

  test('feature defaults satisfy their own settings schema', async ({ assert }) => {
    for (const feature of allFeatures().filter((f) => f.settings)) {
      const settings = await vine.validate({ schema: feature.settings!, data: feature.defaults })
      assert.deepEqual(settings, feature.defaults, feature.key)
    }
  })
})
