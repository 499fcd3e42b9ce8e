/*
| A report accepts only media that the worker has processed (`ready`). Before sending it, the
| screen asks GET /api/v1/me/media/:id for each uploaded file, backing off (0.5, 1, 2, 4, 8, then
| every 10 s) for up to four minutes: a three-minute video takes a while to transcode, and reads
| do not count against the per-citizen limit on reports.
*/
import { ApiError, request } from '../../api'
import type { DraftMedia } from './draft'

const FIRST_DELAY_MS = 500
const LONGEST_DELAY_MS = 10_000
const GIVE_UP_AFTER_MS = 4 * 60_000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const what = (media: DraftMedia) => `${media.kind === 'image' ? 'Photo' : 'Vidéo'} « ${media.name} »`
const refusal = (message: string) => new ApiError(422, [{ code: 'E_MEDIA_INVALID', message, field: 'media_ids' }])

/** Resolves once every media is ready; a failed one, or one still processing after the wait, is refused under `media_ids`. */
export async function waitUntilReady(media: DraftMedia[], onWaiting: (message: string) => void) {
  const started = Date.now()
  for (const item of media) {
    for (let delay = FIRST_DELAY_MS; ; delay = Math.min(delay * 2, LONGEST_DELAY_MS)) {
      const { body } = await request<{ data: { state: string; failure?: { reason: string } } }>(`/me/media/${item.id}`)
      const { state, failure } = body.data
      if (state === 'ready') break
      if (state === 'failed') {
        throw refusal(`${what(item)} : ${failure?.reason ?? 'le traitement a échoué.'} Retirez-la ou choisissez-en une autre.`)
      }
      if (Date.now() - started > GIVE_UP_AFTER_MS) {
        throw refusal(`${what(item)} est encore en traitement : réessayez d’envoyer dans quelques minutes. Votre signalement reste sur cet appareil.`)
      }
      onWaiting(item.kind === 'video' ? 'Traitement de la vidéo…' : 'Traitement des photos…')
      await sleep(delay)
    }
  }
}
