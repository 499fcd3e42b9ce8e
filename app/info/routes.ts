/*
| Routes of the info module. Citizen API: public reads under /api/v1/collectivities/:code/,
| each answering for the authority and the levels above it, limited to its switched-on features.
*/
import router from '@adonisjs/core/services/router'
import { api, tenantBackOffice } from '#start/kernel'

const FeedController = () => import('#info/controllers/api/feed_controller')
const EventsController = () => import('#info/controllers/api/events_controller')
const PlacesController = () => import('#info/controllers/api/places_controller')
const CanteensController = () => import('#info/controllers/api/canteens_controller')

router
  .group(() => {
    router.get('/feed', [FeedController, 'feed'])
    router.get('/news', [FeedController, 'news'])
    router.get('/news/:id', [FeedController, 'showNews'])
    router.get('/events', [EventsController, 'index'])
    router.get('/events.ics', [EventsController, 'calendar'])
    router.get('/places', [PlacesController, 'index'])
    router.get('/places/:id', [PlacesController, 'show'])
    router.get('/canteens', [CanteensController, 'index'])
    router.get('/canteens/:id/menus', [CanteensController, 'menus'])
    router.get('/contacts', [CanteensController, 'contacts'])
  })
  .prefix('/api/v1/collectivities/:code')
  .use(api())

/*
| Back-office: the current authority's content (tenantBackOffice: session, CSRF, agent,
| current authority). Items are edited beside their list (`?edit=ID` or `?edit=new`).
*/
const ContentController = () => import('#info/controllers/back_office/content_controller')

router
  .group(() => {
    router.get('/info/:type', [ContentController, 'index']).as('info.index')
    router.post('/info/imports/:kind', [ContentController, 'import']).as('info.import')
    router.post('/info/:type', [ContentController, 'store']).as('info.store')
    router.put('/info/:type/:id', [ContentController, 'update']).as('info.update')
    router.post('/info/:type/:id/publish', [ContentController, 'publish']).as('info.publish')
    router.post('/info/:type/:id/schedule', [ContentController, 'schedule']).as('info.schedule')
    router.post('/info/:type/:id/unpublish', [ContentController, 'unpublish']).as('info.unpublish')
  })
  .use(tenantBackOffice())
