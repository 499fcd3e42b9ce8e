/*
| The report being written is never lost: its fields and the media already uploaded live in
| localStorage, the photos and video not yet uploaded in IndexedDB (blobs too big for
| localStorage), until the API has accepted the report. A reload, a crash or a lost network
| finds the draft where it was.
*/
import { reactive, watch } from 'vue'

export interface DraftMedia {
  /** Local key (IndexedDB) of the file until it is uploaded. */
  key: string
  name: string
  kind: 'image' | 'video'
  /** Media id once the API has accepted the upload. */
  id: number | null
  state: 'waiting' | 'uploading' | 'uploaded' | 'failed'
  progress: number
  error: string | null
}

export interface Draft {
  category: string
  description: string
  address: string
  lat: number | null
  lng: number | null
  media: DraftMedia[]
}

const KEY = 'bastide.report-draft'
const empty = (): Draft => ({ category: '', description: '', address: '', lat: null, lng: null, media: [] })

function read(): Draft {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null')
    if (!saved) return empty()
    // An upload cut off by a reload is to be done again (the file is still in IndexedDB).
    for (const media of saved.media ?? []) if (media.state === 'uploading') media.state = 'waiting'
    return { ...empty(), ...saved }
  } catch {
    return empty()
  }
}

export const draft = reactive<Draft>(read())
watch(draft, (value) => localStorage.setItem(KEY, JSON.stringify(value)), { deep: true })

export async function clearDraft() {
  await Promise.all(draft.media.map((media) => forgetFile(media.key)))
  Object.assign(draft, empty())
  localStorage.removeItem(KEY)
}

function database(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open('bastide-report-draft', 1)
    opening.onupgradeneeded = () => opening.result.createObjectStore('files')
    opening.onsuccess = () => resolve(opening.result)
    opening.onerror = () => reject(opening.error)
  })
}

async function inStore<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  const db = await database()
  return new Promise<T>((resolve, reject) => {
    const request = act(db.transaction('files', mode).objectStore('files'))
    request.onsuccess = () => resolve(request.result as T)
    request.onerror = () => reject(request.error)
  }).finally(() => db.close())
}

export const keepFile = (key: string, file: Blob) => inStore<void>('readwrite', (store) => store.put(file, key))
export const fileOf = (key: string) => inStore<Blob | undefined>('readonly', (store) => store.get(key))
export const forgetFile = (key: string) => inStore<void>('readwrite', (store) => store.delete(key)).catch(() => {})
