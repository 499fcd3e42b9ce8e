/*
| Onboarding wall times (`npm run bench:onboarding`): the Gers on an empty database, every
| département of France in one run, and the idempotent rerun. Each figure is a whole
| `node ace collectivity:onboard` process, boot included (about 1.5 s of it).
*/
import { BENCH_ENV, ensureDatabase, timeAce } from './helpers/env.js'

ensureDatabase(BENCH_ENV.DB_DATABASE)
timeAce(['migration:fresh', '--force'])
const boot = timeAce(['list']).wall
const gers = timeAce(['collectivity:onboard', '--departement=32'])
const gersRerun = timeAce(['collectivity:onboard', '--departement=32'])
const france = timeAce(['collectivity:onboard', '--all-departements'])
const franceRerun = timeAce(['collectivity:onboard', '--all-departements'])

const rows = [
  ['Gers (32), empty database', gers],
  ['Gers, idempotent rerun', gersRerun],
  ['All 101 départements, one run', france],
  ['All départements, idempotent rerun', franceRerun],
] as const
console.log(`\nOnboarding times (Ace boot alone: ${boot.toFixed(2)} s)`)
console.log(`  ${''.padEnd(38)} ${'process'.padStart(9)} ${'onboarding'.padStart(11)}`)
for (const [label, time] of rows) {
  console.log(
    `  ${label.padEnd(38)} ${time.wall.toFixed(2).padStart(7)} s ${(time.work ?? Number.NaN).toFixed(2).padStart(9)} s`
  )
}
const verdict = (ok: boolean) => (ok ? 'OK' : 'MISSED')
console.log(
  `\nTargets (onboarding itself): Gers < 5 s ${verdict((gers.work ?? Infinity) < 5)}; France < 60 s ${verdict((france.work ?? Infinity) < 60)}`
)
