/* What the modules declare for every client: the French labels of their codes. */
import router from '@adonisjs/core/services/router'
import { api } from '#start/kernel'
import { cacheFor } from '#kernel/http/cache'

const VocabulariesController = () => import('#kernel/modules/controllers/vocabularies_controller')

router
  .get('/api/v1/vocabularies', [VocabulariesController, 'index'])
  .use([...api(), cacheFor(3600)])
