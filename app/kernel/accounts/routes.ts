/*
| Back-office routes of agent accounts: sign in and out, invitations, password reset (guests)
| and the agents & roles screen of the current authority.
*/
import router from '@adonisjs/core/services/router'
import { backOffice, middleware, tenantBackOffice } from '#start/kernel'

const SessionController = () => import('#kernel/accounts/controllers/session_controller')
const InvitationsController = () => import('#kernel/accounts/controllers/invitations_controller')
const PasswordResetController = () =>
  import('#kernel/accounts/controllers/password_reset_controller')
const MembersController = () => import('#kernel/accounts/controllers/members_controller')

router
  .group(() => {
    router.get('/login', [SessionController, 'create']).as('login').use(middleware.guest())
    router.post('/login', [SessionController, 'store']).as('login.store').use(middleware.guest())
    router.get('/invitations/:token', [InvitationsController, 'show']).as('invitations.show')
    router.post('/invitations/:token', [InvitationsController, 'store']).as('invitations.accept')
    router.get('/password/forgot', [PasswordResetController, 'create']).as('password.forgot')
    router.post('/password/forgot', [PasswordResetController, 'store']).as('password.email')
    router.get('/password/reset/:token', [PasswordResetController, 'edit']).as('password.reset')
    router.post('/password/reset/:token', [PasswordResetController, 'update']).as('password.update')
    router.post('/logout', [SessionController, 'destroy']).as('logout').use(middleware.auth())
  })
  .use(backOffice())

router
  .group(() => {
    router.get('/agents', [MembersController, 'index']).as('agents.index')
    router.post('/agents', [MembersController, 'store']).as('agents.invite')
    router.put('/agents/:id', [MembersController, 'update']).as('agents.update')
    router.delete('/agents/:id', [MembersController, 'destroy']).as('agents.remove')
  })
  .use(tenantBackOffice())
