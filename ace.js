/*
| Ace entrypoint. Run it through npm so that Node 24 from node_modules is used:
| `npm run ace -- <command>` (a bare `node ace` may pick the machine's older Node).
*/
import '@poppinss/ts-exec'

await import('./bin/console.js')
