import env from '#start/env'
import { defineConfig } from '@adonisjs/lucid'

/**
 * DATABASE_URL wins when set (managed PostgreSQL hands out one URL); otherwise the DB_* parts.
 */
const connection = env.get('DATABASE_URL') ?? {
  host: env.get('DB_HOST', '127.0.0.1'),
  port: env.get('DB_PORT', 5432),
  user: env.get('DB_USER', 'postgres'),
  password: env.get('DB_PASSWORD'),
  database: env.get('DB_DATABASE', 'bastide'),
}

const dbConfig = defineConfig({
  connection: 'postgres',
  prettyPrintDebugQueries: true,
  connections: {
    postgres: {
      client: 'pg',
      connection,
      pool: { min: 0, max: env.get('DB_POOL_MAX', 10) },
      // Models declare their columns themselves (ADR 0003): no generated schema file to share.
      schemaGeneration: { enabled: false },
      migrations: {
        naturalSort: true,
        paths: ['database/migrations'],
      },
      seeders: { paths: ['database/seeders'] },
    },
  },
})

export default dbConfig
