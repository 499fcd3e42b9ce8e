/*
| The composition root of the modules: every module of Bastide, handed to the kernel. A new
| module is one folder under app/ and one line here (ADR 0001). Preloaded before anything reads
| the list (adonisrc.ts), so the web server, Ace commands and the tests see the same modules.
*/
import { registerModules } from '#kernel/modules/registry'
import info from '#info/manifest'
import participation from '#participation/manifest'
import signalement from '#signalement/manifest'

registerModules([info, participation, signalement])
