/*
| Routes of the signalement module: citizen API under /api/v1, back-office pages. Its use cases are
| added by the module's own issue; the file exists so that the module registers like the others.
*/
export {}
