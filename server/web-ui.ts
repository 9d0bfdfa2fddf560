/**
 * The web UI built by Vite into web/dist: its files at `/`, and every other non-API path without a
 * file extension (`/articles/L1115-1`) answered with index.html so the browser's router shows it.
 * Looked up per request, so a UI built while the server runs is served without a restart.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';

/** Paths that are the API's, never the UI's. */
const API_PATHS = /^\/(graphql|health|ready)(\/|$)/;

const MISSING_BUILD_PAGE = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Interface non construite</title></head>
<body><h1>L'interface web n'est pas encore construite</h1>
<p>Le dossier <code>web/dist</code> est absent. Lancez <code>npm start</code>, qui construit l'interface puis démarre le serveur
(ou construisez-la avec <code>npx vite build web</code>).</p>
<p>L'API GraphQL répond déjà sur <a href="/graphql">/graphql</a>.</p></body></html>`;

/** Routes serving the UI from `distDir`. */
export function createWebUiRouter(distDir: string): Router {
  const router = express.Router();
  const indexFile = path.join(distDir, 'index.html');
  router.use(express.static(distDir, { index: 'index.html', fallthrough: true }));
  router.get(/.*/, (request, response, next) => {
    if (API_PATHS.test(request.path) || path.extname(request.path) !== '') return next();
    if (!existsSync(indexFile)) {
      response.status(503).type('html').send(MISSING_BUILD_PAGE);
      return;
    }
    // dotfiles: allowed, since the build may sit under a dot-folder (.cache/…) in tests.
    response.sendFile(indexFile, { dotfiles: 'allow' });
  });
  return router;
}
