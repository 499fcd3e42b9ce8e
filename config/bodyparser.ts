import { defineConfig } from '@adonisjs/core/bodyparser'

const bodyParserConfig = defineConfig({
  allowedMethods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  form: {
    convertEmptyStringsToNull: true,
    types: ['application/x-www-form-urlencoded'],
    limit: '1mb',
  },
  json: {
    convertEmptyStringsToNull: true,
    limit: '1mb',
    types: ['application/json', 'application/json-patch+json', 'application/vnd.api+json'],
  },
  multipart: {
    // Media uploads are streamed and checked by the media module; this is only the hard ceiling.
    autoProcess: true,
    convertEmptyStringsToNull: true,
    processManually: [],
    limit: '250mb',
    types: ['multipart/form-data'],
  },
})

export default bodyParserConfig
