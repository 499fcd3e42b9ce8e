/*
| Media routes: uploads (citizens over the API, agents in the back-office) and the public
| variants. Originals have no route at all.
*/
import router from '@adonisjs/core/services/router'
import { registerOpenApiFragment } from '#kernel/http/openapi/registry'
import { api, citizenAuth, tenantBackOffice, verifiedCitizen } from '#start/kernel'

registerOpenApiFragment(() => import('#kernel/media/openapi'))

const UploadsController = () => import('#kernel/media/controllers/uploads_controller')
const MediaFilesController = () => import('#kernel/media/controllers/media_files_controller')

router
  .post('/api/v1/media', [UploadsController, 'storeForCitizen'])
  .use([...api(), citizenAuth(), verifiedCitizen()])
  .as('api.media.store')

router
  .get('/api/v1/me/media/:id', [UploadsController, 'showForCitizen'])
  .use([...api(), citizenAuth()])
  .as('api.media.show')

router
  .group(() => {
    router.post('/media/uploads', [UploadsController, 'storeForAgent']).as('media.upload')
    router.get('/media/uploads/:id', [UploadsController, 'showForAgent']).as('media.preview')
  })
  .use(tenantBackOffice())

// Public and lean: no session, no cookie; the URL names an immutable generation.
router.get('/media/:publicId/:generation/:file', [MediaFilesController, 'show']).as('media.variant')
