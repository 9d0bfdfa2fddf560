/** Entry point of the browser bundle. */
import { startApp } from './app.ts';
import { renderShortcutHelp } from './shortcuts.ts';

const root = document.getElementById('app');
if (root) {
  startApp(root);
  document.querySelector('footer')?.prepend(renderShortcutHelp());
}
