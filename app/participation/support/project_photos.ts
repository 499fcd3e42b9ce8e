import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DomainError } from '#kernel/http/errors'
import type { MediaVariant } from '#kernel/media/models/media'
import { variantUrl } from '#kernel/media/transformers/media_transformer'

/** A project photo as the API and the back-office show it: public variants only. */
export interface ProjectPhoto {
  id: number
  variants: Array<{ name: string; url: string; mime: string; width: number; height: number }>
}

/**
 * Refuses photos that are not the citizen's own images or not processed yet (a pending or
 * failed upload has no public variant to show beside the project), with a 422 on `photo_ids`.
 */
export async function assertOwnReadyPhotos(
  citizenId: number,
  photoIds: number[],
  trx: TransactionClientContract
) {
  if (photoIds.length === 0) return
  const rows = await trx
    .from('media')
    .whereIn('id', photoIds)
    .where({ uploader_type: 'citizen', uploader_id: citizenId, kind: 'image' })
    .select('id', 'state')
  const refuse = (code: string, message: string) => new DomainError(code, message, 422, 'photo_ids')
  if (rows.length !== photoIds.length)
    throw refuse('E_PHOTO_NOT_FOUND', 'Photo introuvable parmi vos envois')
  if (rows.some((row) => row.state !== 'ready'))
    throw refuse(
      'E_PHOTO_NOT_READY',
      'Une photo n’est pas encore prête (traitement en cours ou échoué) : réessayez dans un instant'
    )
}

/** The ready photos of projects, in their order, by project id (projects without any: absent). */
export async function projectPhotos(projectIds: number[], trx?: TransactionClientContract) {
  const photos = new Map<number, ProjectPhoto[]>()
  if (projectIds.length === 0) return photos
  const rows: Array<{ project_id: number; id: number; variants: MediaVariant[] }> = await (
    trx ?? db
  )
    .from('participation_budget_project_photos as p')
    .join('media as m', 'm.id', 'p.media_id')
    .whereIn('p.project_id', projectIds)
    .where('m.state', 'ready')
    .orderBy(['p.project_id', 'p.position'])
    .select('p.project_id', 'm.id', 'm.variants')
  for (const row of rows) {
    const list = photos.get(row.project_id) ?? []
    list.push({
      id: row.id,
      variants: row.variants.map((variant) => ({
        name: variant.name,
        url: variantUrl(variant),
        mime: variant.mime,
        width: variant.width,
        height: variant.height,
      })),
    })
    photos.set(row.project_id, list)
  }
  return photos
}

/** The back-office's view of a photo: its narrowest image variant. */
export function thumbnailOf(photo: ProjectPhoto) {
  const smallest = [...photo.variants]
    .filter((variant) => variant.mime.startsWith('image/'))
    .sort((a, b) => a.width - b.width)[0]
  return { id: photo.id, url: smallest?.url ?? null }
}
