/**
 * GraphiQL at /graphql for a browser, from the project's own dependencies. yoga's default page
 * loaded its scripts, styles and editor workers from a CDN without integrity checks; here the same
 * build (@graphql-yoga/render-graphiql, installed with the project) is served from /graphiql/*, and
 * the page holds no inline script, so the strict script-src of the CSP holds for it too.
 */
import { css, editorWorkerService, favicon, graphqlWorker, js, jsonWorker } from '@graphql-yoga/render-graphiql/graphiql';
import express, { type RequestHandler, type Router } from 'express';
import type { GraphiQLOptions } from 'graphql-yoga';
import { GRAPHIQL_CONTENT_SECURITY_POLICY } from './security-headers.ts';

/** Where GraphiQL's files are served. */
export const GRAPHIQL_ASSETS_PATH = '/graphiql';

// Runs before the bundle: Monaco reads its workers' addresses from MonacoEnvironment as it loads.
const START_SCRIPT = `self.MonacoEnvironment = {
  globalAPI: false,
  getWorkerUrl: function (_moduleId, label) {
    return { editorWorkerService: '${GRAPHIQL_ASSETS_PATH}/editor.worker.js', json: '${GRAPHIQL_ASSETS_PATH}/json.worker.js', graphql: '${GRAPHIQL_ASSETS_PATH}/graphql.worker.js' }[label];
  },
};
document.addEventListener('DOMContentLoaded', function () {
  var options = JSON.parse(document.getElementById('graphiql-options').textContent);
  YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), options);
});
`;

const FAVICON = Buffer.from(favicon.replace(/^data:[^,]*;base64,/, ''), 'base64');

const ASSETS: Record<string, { type: string; body: string | Buffer }> = {
  'start.js': { type: 'text/javascript', body: START_SCRIPT },
  'yoga-graphiql.js': { type: 'text/javascript', body: js },
  'graphiql.css': { type: 'text/css', body: css },
  'editor.worker.js': { type: 'text/javascript', body: editorWorkerService },
  'json.worker.js': { type: 'text/javascript', body: jsonWorker },
  'graphql.worker.js': { type: 'text/javascript', body: graphqlWorker },
  'favicon.ico': { type: 'image/x-icon', body: FAVICON },
};

/** The page yoga sends for GET /graphql from a browser (its `renderGraphiQL`). */
export function renderGraphiQL(options?: GraphiQLOptions): string {
  const title = escapeHtml(options?.title ?? 'GraphiQL — cgct-graph');
  // JSON in a non-executed script element: "<" escaped so that no value can close the element.
  const json = JSON.stringify(options ?? {}).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<link rel="icon" href="${GRAPHIQL_ASSETS_PATH}/favicon.ico">
<link rel="stylesheet" href="${GRAPHIQL_ASSETS_PATH}/graphiql.css">
<script id="graphiql-options" type="application/json">${json}</script>
<script src="${GRAPHIQL_ASSETS_PATH}/start.js"></script>
<script src="${GRAPHIQL_ASSETS_PATH}/yoga-graphiql.js"></script>
</head>
<body id="body" class="no-focus-outline"><noscript>GraphiQL needs JavaScript.</noscript><div id="root"></div></body>
</html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** Serves GraphiQL's files. */
export function createGraphiQLRouter(): Router {
  const router = express.Router();
  router.get(`${GRAPHIQL_ASSETS_PATH}/:file`, (request, response, next) => {
    const asset = Object.hasOwn(ASSETS, request.params.file) ? ASSETS[request.params.file] : undefined;
    if (!asset) return next();
    response.set({ 'Content-Type': asset.type, 'Cache-Control': 'public, max-age=3600', 'Content-Security-Policy': GRAPHIQL_CONTENT_SECURITY_POLICY }).send(asset.body);
  });
  return router;
}

/**
 * GraphiQL's page (GET /graphql asked by a browser, as yoga decides): its wider CSP when GraphiQL
 * is on; when it is off (CGCT_GRAPHIQL=off), a sentence saying so rather than yoga's empty 406.
 */
export function handleGraphiQLPage(enabled: boolean): RequestHandler {
  return (request, response, next) => {
    if (request.method !== 'GET' || !request.headers.accept?.includes('text/html')) return next();
    if (enabled) {
      response.set('Content-Security-Policy', GRAPHIQL_CONTENT_SECURITY_POLICY);
      return next();
    }
    response.status(404).type('text/plain').send('GraphiQL is turned off on this server (CGCT_GRAPHIQL=off). Send GraphQL requests to /graphql, as application/json.\n');
  };
}
