/*
| The service worker posts `{ type: 'report-changed', report: { id } }` to the open screens when
| the push « votre signalement a changé d'état » arrives (resources/citizen/sw.js): a screen
| that shows reports reads them again at once.
*/
import { onBeforeUnmount } from 'vue'

export function onReportChanged(refresh: (reportId: number) => void) {
  if (!('serviceWorker' in navigator)) return
  const listener = (event: MessageEvent) => {
    if (event.data?.type === 'report-changed') refresh(Number(event.data.report?.id))
  }
  navigator.serviceWorker.addEventListener('message', listener)
  onBeforeUnmount(() => navigator.serviceWorker.removeEventListener('message', listener))
}

/** Reads again when the app comes back to the foreground (a push may have been missed). */
export function onForeground(refresh: () => unknown) {
  const whenVisible = () => document.visibilityState === 'visible' && refresh()
  document.addEventListener('visibilitychange', whenVisible)
  onBeforeUnmount(() => document.removeEventListener('visibilitychange', whenVisible))
}
