/**
 * Uploads to the media pipeline from the back-office (POST /media/uploads for the current
 * authority) with upload progress, and follows a media item until it is processed
 * (GET /media/uploads/:id). Used by the media picker and the rich-text editor.
 */
export interface MediaPreview {
  id: number
  kind: string
  state: 'pending' | 'processing' | 'ready' | 'failed'
  thumbnailUrl: string | null
  /** A variant fit for a page (at most 800 px wide), once ready. */
  url: string | null
  failure: string | null
}

function xsrfToken(): string {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/)
  return match ? decodeURIComponent(match[1]) : ''
}

/** Sends a file; resolves with the pending media, rejects with a French message. */
export function uploadMedia(file: File, onProgress: (percent: number) => void): Promise<MediaPreview> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest()
    request.open('POST', '/media/uploads')
    request.setRequestHeader('Accept', 'application/json')
    request.setRequestHeader('X-XSRF-TOKEN', xsrfToken())
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100))
    }
    request.onload = () => {
      let body: any = null
      try {
        body = JSON.parse(request.responseText)
      } catch {
        body = null
      }
      if (request.status !== 201) return reject(new Error(body?.errors?.[0]?.message ?? 'Envoi refusé.'))
      resolve({ id: body.data.id, kind: body.data.kind, state: body.data.state, thumbnailUrl: null, url: null, failure: null })
    }
    request.onerror = () => reject(new Error('Envoi impossible : vérifiez la connexion et réessayez.'))
    const data = new FormData()
    data.append('file', file)
    request.send(data)
  })
}

/** The current state of one of the authority's media. */
export async function fetchMedia(id: number): Promise<MediaPreview | null> {
  const response = await fetch(`/media/uploads/${id}`, { headers: { Accept: 'application/json' } }).catch(() => null)
  return response?.ok ? (await response.json()).data : null
}

/**
 * Polls a media item until it is ready or failed (1 s, doubling up to 8 s), calling `update`
 * with each state; `stop()` ends it (the form moved to another item).
 */
export function followMedia(id: number, update: (media: MediaPreview) => void) {
  let timer: ReturnType<typeof setTimeout> | undefined
  let stopped = false
  const tick = (delay: number) => {
    timer = setTimeout(async () => {
      const media = await fetchMedia(id)
      if (stopped || !media) return
      update(media)
      if (media.state === 'pending' || media.state === 'processing') tick(Math.min(delay * 2, 8000))
    }, delay)
  }
  tick(1000)
  return {
    stop() {
      stopped = true
      clearTimeout(timer)
    },
  }
}
