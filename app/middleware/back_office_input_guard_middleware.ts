/*
| The request-level input rules (ADR 0012) in the back-office stack, after the session and
| Inertia, so that a refusal comes back to the agent's form (app/kernel/http/input_guard_middleware.ts).
*/
export { BackOfficeInputGuardMiddleware as default } from '#kernel/http/input_guard_middleware'
