import { DomainError } from '#kernel/http/errors'

/**
 * The input itself is unusable (not a photo, a bomb, no video stream, too long…): retrying
 * cannot help, so the media is marked failed at once with this code and French reason.
 */
export class MediaRejected extends Error {
  constructor(
    readonly code: string,
    readonly reason: string
  ) {
    super(reason)
    this.name = 'MediaRejected'
  }
}

/** Refusals at upload time, rendered as 4xx by every caller. */
export const uploadErrors = {
  empty: () => new DomainError('E_MEDIA_EMPTY', 'Le fichier est vide.', 422, 'file'),
  unsupported: () =>
    new DomainError(
      'E_MEDIA_TYPE',
      'Type de fichier non accepté : photos JPEG, PNG, WebP ou HEIC, vidéos MP4, MOV ou WebM.',
      415,
      'file'
    ),
  tooLarge: (maxMb: number) =>
    new DomainError(
      'E_MEDIA_TOO_LARGE',
      `Le fichier dépasse la taille maximale de ${maxMb} Mo.`,
      413,
      'file'
    ),
  missing: () =>
    new DomainError('E_MEDIA_MISSING', 'Aucun fichier reçu (champ « file »).', 422, 'file'),
}
