import vine from '@vinejs/vine'
import type { FeatureManifest } from '#kernel/modules/manifest'

/** One form control of a feature's settings, derived from its Vine schema. */
export type SettingControl = {
  name: string
  label: string
  hint: string | null
  kind: 'boolean' | 'choice' | 'number' | 'text'
  options: Array<{ value: string; label: string }>
  min: number | null
  max: number | null
}

type JsonSchema = {
  type?: string
  enum?: unknown[]
  minimum?: number
  maximum?: number
  properties?: Record<string, JsonSchema>
}

/**
 * The controls of a feature's settings form: a checkbox for a boolean, a list for an enum, a
 * number or a text field otherwise, each with the French label the manifest gives it
 * (`settingsLabels`). Read from the schema's JSON Schema, so a new setting needs no page code.
 */
export function settingControls(feature: FeatureManifest): SettingControl[] {
  if (!feature.settings) return []
  const schema = vine.create(feature.settings).toJSONSchema() as JsonSchema
  return Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const labels = feature.settingsLabels?.[name]
    const values = property.enum ?? []
    const isBoolean = values.includes(true) && values.includes(false)
    const kind: SettingControl['kind'] = isBoolean
      ? 'boolean'
      : values.length > 0
        ? 'choice'
        : property.type === 'number' || property.type === 'integer'
          ? 'number'
          : 'text'
    return {
      name,
      label: labels?.label ?? name,
      hint: labels?.hint ?? null,
      kind,
      options:
        kind === 'choice'
          ? values.map((value) => ({
              value: String(value),
              label: labels?.options?.[String(value)] ?? String(value),
            }))
          : [],
      min: property.minimum ?? null,
      max: property.maximum ?? null,
    }
  })
}
