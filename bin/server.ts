/*
| HTTP server entrypoint: boots the application and starts the web server
| (`node bin/server.js` after `node ace build`; `npm start` and `npm run dev` in development).
*/
const { createIgnitor } = await import('./ignitor.js')
const { prettyPrintError } = await import('@adonisjs/core')

createIgnitor()
  .httpServer()
  .start()
  .catch((error) => {
    process.exitCode = 1
    prettyPrintError(error)
  })
