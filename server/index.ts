export { buildApp, SCHEMA_FILE, type AppOptions, type BuiltApp } from './app.ts';
export { createGraphRepository, type GraphRepository, type GraphRepositoryOptions } from './graph-repository.ts';
export { createServerDriver, startServer, type StartServerOptions, type StartedServer } from './start-server.ts';
export { ARGUMENT_LIMITS, MAX_BODY_BYTES } from './limits.ts';
