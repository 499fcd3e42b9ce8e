import { defineConfig } from '@adonisjs/shield'

const shieldConfig = defineConfig({
  /**
   * The back-office's Content-Security-Policy (shield runs only in its stack). Scripts and
   * style elements need this request's nonce: the layout gives it to Vite's tags, and to Vite's
   * client through `<meta property="csp-nonce">` for the styles it injects in development.
   * Leaflet and Vue set styles through the CSSOM (`el.style`), which CSP does not restrict.
   * `ws:`/`wss:` are for Vite's HMR socket; map tiles come over https.
   */
  csp: {
    enabled: true,
    directives: {
      defaultSrc: [`'self'`],
      scriptSrc: [`'self'`, '@nonce'],
      styleSrc: [`'self'`, '@nonce'],
      imgSrc: [`'self'`, 'data:', 'blob:', 'https:'],
      fontSrc: [`'self'`, 'data:'],
      connectSrc: [`'self'`, 'ws:', 'wss:'],
      mediaSrc: [`'self'`, 'blob:'],
      objectSrc: [`'none'`],
      baseUri: [`'self'`],
      formAction: [`'self'`],
      frameAncestors: [`'none'`],
    },
    reportOnly: false,
  },

  /**
   * Configure CSRF protection options. Refer documentation
   * to learn more
   */
  csrf: {
    enabled: true,
    exceptRoutes: [],
    // The back-office (Inertia) sends the XSRF-TOKEN cookie back as X-XSRF-TOKEN.
    enableXsrfCookie: true,
    methods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  },

  /**
   * Control how your website should be embedded inside
   * iFrames
   */
  xFrame: {
    enabled: true,
    action: 'DENY',
  },

  /**
   * Force browser to always use HTTPS
   */
  hsts: {
    enabled: true,
    maxAge: '180 days',
  },

  /**
   * Disable browsers from sniffing the content type of a
   * response and always rely on the "content-type" header.
   */
  contentTypeSniffing: {
    enabled: true,
  },
})

export default shieldConfig
