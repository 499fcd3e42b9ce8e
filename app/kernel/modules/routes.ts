/* What the modules declare for every client: the French labels of their codes. */
import router from '@adonisjs/core/services/router'
import { api } from '#start/kernel'
import { cacheFor } from '#kernel/http/cache'
import { registerOpenApiFragment } from '#kernel/http/openapi/registry'

const VocabulariesController = () => import('#kernel/modules/controllers/vocabularies_controller')

registerOpenApiFragment(() => import('#kernel/modules/openapi'))

router
  .get('/api/v1/vocabularies', [VocabulariesController, 'index'])
  .use([...api(), cacheFor(3600)])
