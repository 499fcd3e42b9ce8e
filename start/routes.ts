/*
| The router. Kernel routes (health, accounts, territories…) and every module's routes file,
| registered through the module registry. Kernel areas register their OpenAPI fragment beside
| their routes; the modules' fragments (manifest `openapi`) are registered here, after them.
*/
import { modules } from '#kernel/modules/registry'
import { registerOpenApiFragment } from '#kernel/http/openapi/registry'

await import('#kernel/health/routes')

await import('#kernel/http/openapi/routes')
await import('#kernel/accounts/citizens/routes')
await import('#kernel/territories/routes')

await import('#kernel/accounts/routes')
await import('#kernel/tenancy/routes')
await import('#kernel/media/routes')
await import('#kernel/citizen_app/routes')
await import('#kernel/modules/routes')
await import('#kernel/push/routes')

for (const module of modules) {
  await module.routes()
  if (module.openapi) registerOpenApiFragment(module.openapi)
}
