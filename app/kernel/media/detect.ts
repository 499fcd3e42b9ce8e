import { fileTypeFromFile } from 'file-type'
import type { MediaKind } from '#kernel/media/models/media'

export interface DetectedType {
  kind: MediaKind
  mime: string
  ext: string
}

/** What we accept, as file-type names it from the magic bytes. */
const ACCEPTED: Record<string, MediaKind> = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/webp': 'image',
  'image/heic': 'image',
  'image/heif': 'image',
  'image/heic-sequence': 'image',
  'image/heif-sequence': 'image',
  'video/mp4': 'video',
  'video/x-m4v': 'video',
  'video/quicktime': 'video',
  'video/webm': 'video',
}

export const HEIF_MIMES = new Set([
  'image/heic',
  'image/heif',
  'image/heic-sequence',
  'image/heif-sequence',
])

/**
 * The type of a file from its content only: the client's name and declared type are never
 * trusted. Undefined when the content is not one of the accepted formats.
 */
export async function detectMediaType(path: string): Promise<DetectedType | undefined> {
  const detected = await fileTypeFromFile(path)
  if (!detected) return undefined
  const kind = ACCEPTED[detected.mime]
  return kind ? { kind, mime: detected.mime, ext: detected.ext } : undefined
}
