// Vite builds the browser bundle from web/ into web/dist, which the express server serves at "/".
// During development, /graphql is proxied to a running server (CGCT_API, default port 4000).
import { defineConfig, type Plugin } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

// Chrome's explicit compile hint (a magic comment heading the file): compile every function of the
// graph chunk eagerly, on a background thread while it downloads, rather than lazily on the main
// thread during the first layout, where compiling was most of the first graph's time on a cold
// page. Added after minification, which drops comments. Other browsers ignore it.
const compileGraphChunkEagerly: Plugin = {
  name: 'cgct-compile-graph-chunk-eagerly',
  apply: 'build',
  enforce: 'post',
  generateBundle(_options, bundle) {
    for (const output of Object.values(bundle)) {
      if (output.type === 'chunk' && output.name === 'graph-panel') output.code = `//# allFunctionsCalledOnLoad\n${output.code}`;
    }
  },
};

export default defineConfig({
  root,
  plugins: [compileGraphChunkEagerly],
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
