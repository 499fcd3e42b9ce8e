/** Settings of this deployment, written into the app's page by the server (not secrets). */
export interface CitizenConfig {
  mapTileUrl: string | null
  mapAttribution: string | null
}

export const config: CitizenConfig = (() => {
  const element = document.getElementById('citizen-config')
  try {
    return { mapTileUrl: null, mapAttribution: null, ...JSON.parse(element?.textContent ?? '{}') }
  } catch {
    return { mapTileUrl: null, mapAttribution: null }
  }
})()
