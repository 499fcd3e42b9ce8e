/*
| A photo or video sent to POST /api/v1/media (multipart, field `file`) with its progress:
| fetch cannot report upload progress, XMLHttpRequest can. Refusals come back in the API's
| error format, like every other call.
*/
import { ApiError, getToken, OFFLINE_MESSAGE } from '../../api'

export function uploadMedia(file: Blob, name: string, collectivity: string, onProgress: (percent: number) => void) {
  return new Promise<{ id: number }>((resolve, reject) => {
    const form = new FormData()
    form.append('collectivity', collectivity)
    form.append('file', file, name)
    const xhr = new XMLHttpRequest()
    xhr.open('POST', '/api/v1/media')
    xhr.setRequestHeader('Accept', 'application/json')
    const token = getToken()
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`)
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(Math.round((event.loaded * 100) / event.total))
    xhr.onerror = () => reject(new ApiError(0, [{ code: 'E_OFFLINE', message: OFFLINE_MESSAGE }]))
    xhr.onabort = xhr.onerror
    xhr.onload = () => {
      let body: any = null
      try {
        body = JSON.parse(xhr.responseText)
      } catch {}
      if (xhr.status === 201 && body?.data) return resolve(body.data)
      reject(new ApiError(xhr.status, body?.errors ?? [{ code: 'E_HTTP', message: `L’envoi a échoué (${xhr.status}).` }]))
    }
    xhr.send(form)
  })
}
