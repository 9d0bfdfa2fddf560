// Vite builds the browser bundle from web/ into web/dist, which the express server serves at "/".
// During development, /graphql is proxied to a running server (CGCT_API, default port 4000).
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Cytoscape alone is ~400 kB minified; the graph chunk is loaded after the text.
    chunkSizeWarningLimit: 700,
  },
  server: {
    // Reading ingest/article-id.ts, shared with the server, from outside web/.
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
    proxy: { '/graphql': process.env.CGCT_API ?? 'http://localhost:4000' },
  },
});
