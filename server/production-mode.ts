/**
 * Runs the server's libraries in production mode. They read NODE_ENV once, as they load:
 * graphql-js then drops a development-only check it makes on every value it completes (about
 * half a millisecond of CPU per depth-2 neighbourhood answer), express stops sending stack traces
 * in its error pages. The server's entry points import this module first, so that it runs before
 * those libraries load; an explicit NODE_ENV is left as it is.
 */
process.env.NODE_ENV ??= 'production';
