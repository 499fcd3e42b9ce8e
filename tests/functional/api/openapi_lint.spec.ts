/*
| The served document as real tooling reads it: Redocly's CLI with its `recommended` rules,
| run from node_modules on the document the server answers (so module fragments are included).
*/
import { execFile } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'

const run = promisify(execFile)

interface LintReport {
  totals: { errors: number; warnings: number }
  problems: { ruleId: string; message: string; severity: string; location: unknown[] }[]
}

test.group('OpenAPI document under Redocly lint', () => {
  test('the recommended rules find no error', async ({ client, assert }) => {
    const response = await client.get('/api/v1/openapi.json')
    response.assertStatus(200)
    const file = app.tmpPath('openapi', 'openapi.json')
    await mkdir(app.tmpPath('openapi'), { recursive: true })
    await writeFile(file, JSON.stringify(response.body(), null, 2))

    const cli = app.makePath('node_modules', '.bin', 'redocly')
    const output = await run(cli, ['lint', file, '--extends=recommended', '--format=json'], {
      cwd: app.tmpPath('openapi'),
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      maxBuffer: 16 * 1024 * 1024,
    }).catch((failure: { stdout: string; stderr: string }) => failure)
    const report = JSON.parse(output.stdout) as LintReport
    const errors = report.problems.filter((problem) => problem.severity === 'error')
    assert.deepEqual(
      errors.map((problem) => `${problem.ruleId}: ${problem.message}`),
      [],
      'Redocly errors'
    )
    assert.equal(report.totals.errors, 0)
  }).timeout(120_000)
})
