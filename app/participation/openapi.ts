import type { OpenApiFragment } from '#kernel/http/openapi/types'
import polls from '#participation/openapi/polls'
import consultations from '#participation/openapi/consultations'
import budgets from '#participation/openapi/budgets'

/** The participation module's citizen API: one fragment per kind of item, merged here. */
const parts: OpenApiFragment[] = [polls, consultations, budgets]

const fragment: OpenApiFragment = {
  tags: parts.flatMap((part) => part.tags ?? []),
  paths: Object.assign({}, ...parts.map((part) => part.paths)),
  components: {
    schemas: Object.assign({}, ...parts.map((part) => part.components?.schemas ?? {})),
  },
}

export default fragment
