import vine from '@vinejs/vine'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Collectivity from '#kernel/territories/models/collectivity'
import { type ModuleStates } from '#kernel/territories/models/collectivity'
import { allFeatures, findFeature } from '#kernel/modules/registry'
import { DomainError } from '#kernel/http/errors'
import { frenchValidationMessages } from '#kernel/http/validation_messages'

/** Largest settings object of one feature, as stored JSON (a few labels and numbers). */
export const MAX_SETTINGS_BYTES = 8 * 1024

export interface SetFeaturesInput {
  enable?: string[]
  disable?: string[]
  /** Settings per feature key, validated against the feature's schema. */
  settings?: Record<string, Record<string, unknown>>
}

/**
 * Switches an authority's features on or off and stores their settings. Core features are
 * always on; unknown keys and invalid settings are refused before anything is written.
 */
export default class SetFeatures {
  async handle(
    collectivity: Collectivity,
    input: SetFeaturesInput,
    trx?: TransactionClientContract
  ) {
    const enable = input.enable ?? []
    const disable = input.disable ?? []
    for (const key of [...enable, ...disable, ...Object.keys(input.settings ?? {})]) {
      if (!findFeature(key)) {
        throw new DomainError('E_UNKNOWN_FEATURE', `Module inconnu : « ${key} »`, 422, key)
      }
    }
    for (const key of Object.keys(input.settings ?? {})) {
      // A feature without a schema has nothing to set: free-form JSON would be stored unchecked.
      if (!findFeature(key)!.settings) {
        throw new DomainError(
          'E_SETTINGS_NOT_ALLOWED',
          `Le module « ${findFeature(key)!.label} » n’a pas de réglages`,
          422,
          key
        )
      }
    }
    const coreDisabled = disable.filter((key) => findFeature(key)!.kind === 'core')
    if (coreDisabled.length > 0) {
      throw new DomainError(
        'E_CORE_FEATURE',
        `Les modules de base ne peuvent pas être désactivés : ${coreDisabled.join(', ')}`,
        422,
        coreDisabled[0]
      )
    }
    const both = enable.filter((key) => disable.includes(key))
    if (both.length > 0) {
      throw new DomainError(
        'E_FEATURE_CONFLICT',
        `Module à la fois activé et désactivé : ${both.join(', ')}`
      )
    }

    const next: ModuleStates = { ...collectivity.modules }
    for (const feature of allFeatures()) {
      const current = next[feature.key]
      const enabled =
        feature.kind === 'core' ||
        enable.includes(feature.key) ||
        (current?.enabled === true && !disable.includes(feature.key))
      if (!enabled && !current) continue
      next[feature.key] = {
        enabled,
        settings: await this.settingsFor(
          feature.key,
          current?.settings,
          input.settings?.[feature.key]
        ),
      }
    }

    if (trx) collectivity.useTransaction(trx)
    collectivity.modules = next
    await collectivity.save()
    return collectivity
  }

  private async settingsFor(
    key: string,
    current: Record<string, unknown> | undefined,
    requested: Record<string, unknown> | undefined
  ) {
    const feature = findFeature(key)!
    if (!feature.settings) return { ...(feature.defaults ?? {}) }
    const merged = { ...(feature.defaults ?? {}), ...(current ?? {}), ...(requested ?? {}) }
    if (Buffer.byteLength(JSON.stringify(merged)) > MAX_SETTINGS_BYTES) {
      throw new DomainError(
        'E_SETTINGS_TOO_LARGE',
        `Réglages trop volumineux pour « ${feature.label} » (${MAX_SETTINGS_BYTES / 1024} Ko au plus)`,
        422,
        key
      )
    }
    try {
      return await vine.validate({
        schema: feature.settings,
        data: merged,
        messagesProvider: frenchValidationMessages,
      })
    } catch (error) {
      const first = (error as { messages?: Array<{ field: string; message: string }> })
        .messages?.[0]
      if (!first) throw error
      // Refused next to its control (`settings.<feature>.<setting>`), named by its French label.
      const label = feature.settingsLabels?.[first.field]?.label ?? first.field
      throw new DomainError(
        'E_INVALID_SETTINGS',
        `« ${label} » (${feature.label}) : ${first.message.toLowerCase()}`,
        422,
        `settings.${key}.${first.field}`
      )
    }
  }
}
