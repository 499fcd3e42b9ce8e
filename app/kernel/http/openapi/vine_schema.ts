/*
| Request schemas of the OpenAPI document taken from the Vine validators that check the
| requests (VineJS 4's `toJSONSchema()`), so that the two cannot drift: a rule changed in a
| validator changes the document. Fragments only add words (description, examples, format)
| through `annotate`, never rules; annotating a field the validator does not have throws.
*/
import type { OpenApiObject } from '#kernel/http/openapi/types'

/** What every compiled Vine validator (`vine.create`, `apiValidator`) offers. */
export interface DescribedValidator {
  toJSONSchema(): object
}

export type Annotations = Record<string, OpenApiObject>

function objectSchemaOf(validator: DescribedValidator) {
  const schema = structuredClone(validator.toJSONSchema()) as OpenApiObject & {
    properties?: Record<string, OpenApiObject>
    required?: string[]
  }
  // Vine drops unknown fields rather than refusing them: the document must not say otherwise.
  delete schema.additionalProperties
  schema.properties ??= {}
  return schema as OpenApiObject & {
    properties: Record<string, OpenApiObject>
    required?: string[]
  }
}

function annotated(
  properties: Record<string, OpenApiObject>,
  annotate: Annotations
): Record<string, OpenApiObject> {
  for (const [name, words] of Object.entries(annotate)) {
    if (!properties[name]) throw new Error(`OpenAPI: the validator has no field "${name}"`)
    properties[name] = { ...properties[name], ...words }
  }
  return properties
}

/** The JSON Schema of a body the validator checks. */
export function vineSchema(validator: DescribedValidator, annotate: Annotations = {}) {
  const schema = objectSchemaOf(validator)
  annotated(schema.properties, annotate)
  return schema
}

/** A required JSON request body, its schema from the validator. */
export function vineBody(validator: DescribedValidator, annotate: Annotations = {}) {
  return {
    required: true,
    content: { 'application/json': { schema: vineSchema(validator, annotate) } },
  }
}

/** The query parameters of an operation, one per field of the validator of its query string. */
export function vineQueryParameters(
  validator: DescribedValidator,
  annotate: Record<string, OpenApiObject & { description?: string }> = {}
): OpenApiObject[] {
  const schema = objectSchemaOf(validator)
  const required = new Set(schema.required ?? [])
  for (const name of Object.keys(annotate)) {
    if (!schema.properties[name]) throw new Error(`OpenAPI: the validator has no field "${name}"`)
  }
  return Object.entries(schema.properties).map(([name, property]) => {
    // `description` and `examples` belong to the parameter, the other words to its schema.
    const { description, examples, ...words } = annotate[name] ?? {}
    return {
      name,
      in: 'query',
      required: required.has(name),
      schema: { ...property, ...words },
      ...(description ? { description } : {}),
      ...(examples ? { examples } : {}),
    }
  })
}
