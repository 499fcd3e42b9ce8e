import Media from '#kernel/media/models/media'
import { variantUrl } from '#kernel/media/transformers/media_transformer'

export interface CitizenMediaExport {
  id: number
  kind: Media['kind']
  state: Media['state']
  mime: string
  created_at: string
  /** Public URLs, only once ready (the private original is never exported). */
  variants: Array<{ name: string; url: string }>
}

/** The photos and videos a citizen uploaded, oldest first, for their GDPR export. */
export default class ExportCitizenMedia {
  async handle(citizenId: number): Promise<CitizenMediaExport[]> {
    const media = await Media.query()
      .withScopes((scopes) => scopes.uploadedByCitizen(citizenId))
      .orderBy('created_at')
      .orderBy('id')
    return media.map((item) => ({
      id: item.id,
      kind: item.kind,
      state: item.state,
      mime: item.mime,
      created_at: item.createdAt.toISO()!,
      variants:
        item.state === 'ready'
          ? item.variants.map((variant) => ({ name: variant.name, url: variantUrl(variant) }))
          : [],
    }))
  }
}
