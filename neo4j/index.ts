/** The database layer: connect (driver.ts), run the local server (local-server.ts), explain failures. */
export { openDriver, openSession, readRows, writeRows, runAutoCommit } from './driver.ts';
export { resolveConnectionSettings, usesExternalNeo4j, type ConnectionSettings } from './connection-settings.ts';
export { DatabaseQueryError, DatabaseSetupError, isExplainedError } from './errors.ts';
export { explainConnectionError, explainQueryError } from './explain-error.ts';
export { ensureDatabase, type DatabaseReady } from './ensure-database.ts';
export { findRunningPid, startLocalServer, stopLocalServer, type RunningServer } from './local-server.ts';
export { resolveLocalServerOptions, type LocalServerOptions } from './local-server-options.ts';
export { toPlain, toPlainRow, type PlainNode, type PlainRelationship } from './to-plain.ts';
export { waitForStopSignal } from './foreground.ts';
