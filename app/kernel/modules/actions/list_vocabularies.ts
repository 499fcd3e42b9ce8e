import { modules } from '#kernel/modules/registry'

export type Vocabularies = Record<string, Record<string, string>>

/**
 * Every module's codes with their French labels, merged: GET /api/v1/vocabularies. A name two
 * modules both declare is a programming error, caught here rather than silently overwritten.
 */
export default class ListVocabularies {
  async handle(): Promise<Vocabularies> {
    const merged: Vocabularies = {}
    for (const module of modules) {
      for (const [name, labels] of Object.entries((await module.vocabularies?.()) ?? {})) {
        if (merged[name]) throw new Error(`Vocabulary « ${name} » declared twice (${module.key})`)
        merged[name] = labels
      }
    }
    return merged
  }
}
