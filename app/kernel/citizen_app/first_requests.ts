/*
| The first screen's API requests, started from the page's <head> before the app's bundle has
| even arrived (ADR 0026). Without it the feed waits for: the page, then the bundle to download
| and run, then (for a shared `?commune=` link) the commune, then its feed: three round trips
| in a row on a slow phone network. The app takes these responses instead of asking again
| (`takeFirstResponse` in resources/citizen/api.ts); a request it never asks for costs nothing.
|
| Plain ES5 text run inline, allowed by the page's Content-Security-Policy through its hash.
| It reads what the app keeps on the device (resources/citizen/store.ts): the followed communes.
*/
import { createHash } from 'node:crypto'

export const FIRST_REQUESTS_SCRIPT = `(function () {
  try {
    var first = (window.__bastideFirst = {});
    var ask = function (path) {
      first[path] = fetch('/api/v1' + path, { headers: { Accept: 'application/json' } });
    };
    var shared = new URLSearchParams(location.search).get('commune');
    var favourites = JSON.parse(localStorage.getItem('bastide.communes') || '[]');
    var current = localStorage.getItem('bastide.commune');
    var followed = favourites.some(function (c) { return c.code === current; })
      ? current
      : favourites[0] && favourites[0].code;
    var code = shared || followed;
    var insee = /^(\\d{5}|2[AB]\\d{3})$/;
    ask('/vocabularies');
    if (shared && insee.test(shared)) ask('/collectivities/' + shared);
    if (code && insee.test(code) && /^\\/app\\/?$/.test(location.pathname)) {
      ask('/collectivities/' + code + '/feed');
    }
  } catch (error) {}
})();`

/** For the Content-Security-Policy: `script-src 'self' 'sha256-…'`. */
export const FIRST_REQUESTS_HASH = `'sha256-${createHash('sha256').update(FIRST_REQUESTS_SCRIPT).digest('base64')}'`
