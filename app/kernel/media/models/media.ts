import { DateTime } from 'luxon'
import { BaseModel, column, scope } from '@adonisjs/lucid/orm'
import { compose } from '@adonisjs/core/helpers'
import { TenantOwned } from '#kernel/tenancy/tenant_owned'

export const MEDIA_KINDS = ['image', 'video'] as const
export type MediaKind = (typeof MEDIA_KINDS)[number]

export const MEDIA_STATES = ['pending', 'processing', 'ready', 'failed'] as const
export type MediaState = (typeof MEDIA_STATES)[number]

export type UploaderType = 'agent' | 'citizen'

/** One derived file, publicly served once the media is ready. */
export interface MediaVariant {
  /** `w320`, `w800`, `w1600` (images), `video`, `poster` (videos). */
  name: string
  /** Storage key on the Drive disk; the public URL is derived from it. */
  key: string
  mime: string
  width: number
  height: number
  bytes: number
}

export interface MediaPlaceholder {
  blurhash: string
  /** `#rrggbb` */
  dominantColour: string
}

/**
 * An uploaded photo or video, owned by an authority. The original (`originalKey`) is private;
 * the public sees only the `variants`, and only in the `ready` state.
 */
/** Owned by the authority it was uploaded for (TenantOwned: `ownedBy`, `findOwnedOrFail`). */
export default class Media extends compose(BaseModel, TenantOwned) {
  static table = 'media'

  /** What one citizen uploaded (their own reads, GDPR export and erasure). */
  static uploadedByCitizen = scope((query, citizenId: number) => {
    query.where({ uploaderType: 'citizen', uploaderId: citizenId })
  })

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare publicId: string

  @column()
  declare collectivityId: number

  @column()
  declare uploaderType: UploaderType | null

  @column()
  declare uploaderId: number | null

  @column()
  declare kind: MediaKind

  @column()
  declare state: MediaState

  @column()
  declare failureCode: string | null

  @column()
  declare failureReason: string | null

  @column()
  declare mime: string

  /** PostgreSQL returns bigint as a string: kept a number here. */
  @column({ consume: (value: string | number) => Number(value) })
  declare bytes: number

  @column()
  declare width: number | null

  @column()
  declare height: number | null

  @column()
  declare durationMs: number | null

  @column()
  declare videoCodec: string | null

  @column()
  declare audioCodec: string | null

  @column({ serializeAs: null })
  declare originalKey: string

  @column({ prepare: (value: MediaVariant[]) => JSON.stringify(value) })
  declare variants: MediaVariant[]

  @column({ prepare: (value: MediaPlaceholder | null) => (value ? JSON.stringify(value) : null) })
  declare placeholder: MediaPlaceholder | null

  @column()
  declare attempts: number

  @column.dateTime()
  declare processedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  /** Folder of every file of this media on the Drive disk. */
  get storagePrefix(): string {
    return `media/${this.publicId}`
  }
}
