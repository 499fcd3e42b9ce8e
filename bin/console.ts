/*
| Ace entrypoint: boots the command-line framework and runs a command. Commands boot the
| application only when their `options.startApp` flag is set.
*/
const { createIgnitor } = await import('./ignitor.js')
const { prettyPrintError } = await import('@adonisjs/core')

createIgnitor()
  .ace()
  .handle(process.argv.splice(2))
  .catch((error) => {
    process.exitCode = 1
    prettyPrintError(error)
  })
