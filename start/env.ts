/*
| Environment variables, validated once at boot. Every setting of Bastide is read from here;
| `.env.example` documents each of them.
*/
import { Env } from '@adonisjs/core/env'

export default await Env.create(new URL('../', import.meta.url), {
  NODE_ENV: Env.schema.enum(['development', 'production', 'test'] as const),
  PORT: Env.schema.number(),
  HOST: Env.schema.string({ format: 'host' }),
  APP_KEY: Env.schema.secret(),
  APP_NAME: Env.schema.string.optional(),
  APP_URL: Env.schema.string({ format: 'url', tld: false }),
  LOG_LEVEL: Env.schema.string(),

  // PostgreSQL: either one DATABASE_URL (managed services) or the DB_* parts.
  DATABASE_URL: Env.schema.string.optional(),
  DB_HOST: Env.schema.string.optional({ format: 'host' }),
  DB_PORT: Env.schema.number.optional(),
  DB_USER: Env.schema.string.optional(),
  DB_PASSWORD: Env.schema.string.optional(),
  DB_DATABASE: Env.schema.string.optional(),
  DB_POOL_MAX: Env.schema.number.optional(),

  // Redis holds jobs, rate limits and caches: REDIS_URL, e.g. redis://127.0.0.1:6379/0
  REDIS_URL: Env.schema.string.optional(),
  // Prefix of every BullMQ key, so that several deployments (or test runs) share one Redis.
  QUEUE_PREFIX: Env.schema.string.optional(),

  // Reverse proxies whose X-Forwarded-For is believed (addresses or CIDR, comma-separated).
  TRUSTED_PROXIES: Env.schema.string.optional(),

  SESSION_DRIVER: Env.schema.enum(['cookie', 'redis', 'memory'] as const),
  LIMITER_STORE: Env.schema.enum(['redis', 'memory'] as const),

  // Mail: `smtp` in production, `json` (messages kept in memory / logged) for development.
  MAIL_MAILER: Env.schema.enum(['smtp', 'json'] as const),
  MAIL_FROM_NAME: Env.schema.string(),
  MAIL_FROM_ADDRESS: Env.schema.string(),
  SMTP_HOST: Env.schema.string.optional(),
  SMTP_PORT: Env.schema.number.optional(),
  SMTP_USERNAME: Env.schema.string.optional(),
  SMTP_PASSWORD: Env.schema.string.optional(),

  // Files: `fs` (local disk under storage/) or `s3` (any S3-compatible service).
  DRIVE_DISK: Env.schema.enum(['fs', 's3'] as const),
  S3_BUCKET: Env.schema.string.optional(),
  S3_REGION: Env.schema.string.optional(),
  S3_ENDPOINT: Env.schema.string.optional(),
  S3_ACCESS_KEY_ID: Env.schema.string.optional(),
  S3_SECRET_ACCESS_KEY: Env.schema.string.optional(),
  S3_PUBLIC_URL: Env.schema.string.optional(),

  // Media tools: the registry builds are used unless these point at system binaries.
  FFMPEG_PATH: Env.schema.string.optional(),
  FFPROBE_PATH: Env.schema.string.optional(),

  // Media limits (see app/kernel/media/config.ts for the defaults).
  MEDIA_IMAGE_MAX_MB: Env.schema.number.optional(),
  MEDIA_VIDEO_MAX_MB: Env.schema.number.optional(),
  MEDIA_VIDEO_MAX_SECONDS: Env.schema.number.optional(),
  MEDIA_IMAGE_MAX_MEGAPIXELS: Env.schema.number.optional(),
  // Back-office maps (info module): XYZ tile URL, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png
  MAP_TILE_URL: Env.schema.string.optional(),
  MAP_TILE_ATTRIBUTION: Env.schema.string.optional(),

  // Web Push (alerts): VAPID key pair from `npm run ace -- push:vapid-keys`; push is off without it.
  VAPID_PUBLIC_KEY: Env.schema.string.optional(),
  VAPID_PRIVATE_KEY: Env.schema.string.optional(),
  // Contact the push services may use: mailto: or https: URL.
  VAPID_SUBJECT: Env.schema.string.optional(),
})
