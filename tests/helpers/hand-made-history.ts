/**
 * A small git history written by hand in the etalab layout, for the replay's and the history
 * build's tests: each commit writes or deletes articles L1111-n with an author date.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A small git history written by hand in the etalab layout. */
export class HandMadeHistory {
  private static readonly created: string[] = [];
  readonly dir: string;
  constructor() {
    this.dir = mkdtempSync(path.join(os.tmpdir(), 'cgct-handmade-'));
    HandMadeHistory.created.push(this.dir);
    this.git(['init', '-q', '-b', 'main']);
  }

  /**
   * Writes (or, for null, deletes) articles L1111-n, then commits with this author date; `mirror`
   * also writes them to "codes-non-en-vigueur/", as etalab does until about 2012.
   */
  commit(articles: Record<number, string | null>, date: string, message: string, mirror: 'mirror' | 'in-force-only' = 'in-force-only'): string {
    for (const status of mirror === 'mirror' ? ['codes-en-vigueur', 'codes-non-en-vigueur'] : ['codes-en-vigueur']) {
      const folder = path.join(this.dir, status, 'code-general-des-collectivites-territoriales', 'partie-legislative', 'premiere-partie', 'livre-ier', 'titre-ier', 'chapitre-unique');
      mkdirSync(folder, { recursive: true });
      for (const [number, text] of Object.entries(articles)) {
        const file = path.join(folder, `article-l1111-${number}.md`);
        if (text === null) rmSync(file);
        else writeFileSync(file, `# Article L1111-${number}\n\n${text}\n`);
      }
    }
    this.git(['add', '-A', '.']);
    this.git(['commit', '-q', '--allow-empty', '-m', message], { GIT_AUTHOR_DATE: `${date}T00:00:00+00:00`, GIT_COMMITTER_DATE: `${date}T00:00:00+00:00` });
    return this.git(['rev-parse', 'HEAD']).trim();
  }

  /** Removes every history made so far (call it in afterAll). */
  static removeAll(): void {
    for (const dir of HandMadeHistory.created.splice(0)) rmSync(dir, { recursive: true, force: true });
  }

  git(args: string[], env: Record<string, string> = {}): string {
    return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], { cwd: this.dir, env: { ...process.env, ...env }, encoding: 'utf8' });
  }
}
