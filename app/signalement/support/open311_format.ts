import { XMLBuilder } from 'fast-xml-parser'

/**
 * Open311 GeoReport v2 bodies: JSON as top-level arrays (objects for discovery), XML with the
 * spec's element names (`services/service`, `service_requests/request`, `errors/error`).
 */
const builder = new XMLBuilder({ format: false, suppressEmptyNode: false })

const XML_ROOTS: Record<string, [string, string]> = {
  services: ['services', 'service'],
  requests: ['service_requests', 'request'],
  errors: ['errors', 'error'],
}

export type Open311Format = 'json' | 'xml'

export function open311Body(
  kind: keyof typeof XML_ROOTS | 'discovery' | 'definition',
  value: unknown,
  format: Open311Format
) {
  if (format === 'json')
    return { type: 'application/json; charset=utf-8', text: JSON.stringify(value) }
  const nulls = (input: unknown): unknown =>
    Array.isArray(input)
      ? input.map(nulls)
      : input && typeof input === 'object'
        ? Object.fromEntries(
            Object.entries(input).map(([key, item]) => [key, item === null ? '' : nulls(item)])
          )
        : input
  let tree: unknown
  if (kind === 'discovery') {
    // XML wraps lists in their singular element: endpoints/endpoint, formats/format.
    const discovery = value as { endpoints: Array<{ formats: string[] }> }
    const endpoints = discovery.endpoints.map((endpoint) => ({
      ...endpoint,
      formats: { format: endpoint.formats },
    }))
    tree = { discovery: nulls({ ...discovery, endpoints: { endpoint: endpoints } }) }
  } else if (kind === 'definition') {
    // attributes/attribute, and an empty <attributes/> when the service asks for none.
    const definition = value as { attributes: unknown[] }
    const attributes = definition.attributes.length ? { attribute: definition.attributes } : ''
    tree = { service_definition: nulls({ ...definition, attributes }) }
  } else {
    const [root, item] = XML_ROOTS[kind]
    tree = { [root]: { [item]: nulls(value) } }
  }
  return {
    type: 'text/xml; charset=utf-8',
    text: `<?xml version="1.0" encoding="utf-8"?>${builder.build(tree)}`,
  }
}

/** `services.json` → ['services', 'json']; a missing or unknown format is null. */
export function splitFormat(file: string): [string, Open311Format] | null {
  const match = /^(.+)\.(json|xml)$/.exec(file)
  return match ? [match[1], match[2] as Open311Format] : null
}
