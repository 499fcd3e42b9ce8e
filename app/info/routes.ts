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
    router.get('/events/:id', [EventsController, 'show'])
    router.get('/events/:id/calendar.ics', [EventsController, 'eventCalendar'])
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
const MenusController = () => import('#info/controllers/back_office/menus_controller')

router
  .group(() => {
    router.get('/info/:type', [ContentController, 'index']).as('info.index')
    router.post('/info/imports/:kind', [ContentController, 'import']).as('info.import')
    // A canteen's menus, edited on the canteen's page (`/info/canteens?edit=ID&menu=ID|new`).
    router.post('/info/canteens/:id/menus', [MenusController, 'store']).as('info.menus.store')
    router
      .put('/info/canteens/:canteenId/menus/:id', [MenusController, 'update'])
      .as('info.menus.update')
    router.post('/info/menus/:id/publish', [MenusController, 'publish']).as('info.menus.publish')
    router.post('/info/menus/:id/schedule', [MenusController, 'schedule']).as('info.menus.schedule')
    router
      .post('/info/menus/:id/unpublish', [MenusController, 'unpublish'])
      .as('info.menus.unpublish')
    router.post('/info/:type', [ContentController, 'store']).as('info.store')
    router.put('/info/:type/:id', [ContentController, 'update']).as('info.update')
    router.delete('/info/:type/:id', [ContentController, 'destroy']).as('info.destroy')
    router.post('/info/:type/:id/publish', [ContentController, 'publish']).as('info.publish')
    router.post('/info/:type/:id/schedule', [ContentController, 'schedule']).as('info.schedule')
    router.post('/info/:type/:id/unpublish', [ContentController, 'unpublish']).as('info.unpublish')
  })
  .use(tenantBackOffice())
