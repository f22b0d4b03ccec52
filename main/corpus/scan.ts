/**
 * Find the article files under a folder. Hidden entries (dot files and folders) and
 * node_modules are skipped; files Reckon does not read are ignored (not errors).
 * File access stays inside the opened folder: symbolic links to folders are not
 * followed (that also rules out cycles), links to files are followed only when the
 * target is inside the folder.
 */
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { ArticleFormat, FileError } from '../../shared/domain/article';
import { formatOf } from './formats';

export interface ScannedFile {
  /** Path relative to the root, '/' separators: the article id. */
  id: string;
  absPath: string;
  format: ArticleFormat;
  size: number;
  mtimeMs: number;
}

export interface ScanResult {
  files: ScannedFile[];
  errors: FileError[];
}

const SKIPPED_FOLDERS = new Set(['node_modules']);
const BAD_NAME = 'the name is not valid UTF-8, so it cannot be opened: rename it';

export const toId = (root: string, absPath: string): string => relative(root, absPath).split(sep).join('/');

/** Whether `child` is `parent` or inside it (both real, absolute paths). */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
}

/** Whether a path (relative to the root, any separators) is in a hidden or skipped folder, or is hidden itself. */
export function isSkippedPath(relPath: string): boolean {
  return relPath.split(/[\\/]/).some((part) => part.startsWith('.') || SKIPPED_FOLDERS.has(part));
}

export async function scanFolder(root: string): Promise<ScanResult> {
  const realRoot = await realpath(root);
  const files: ScannedFile[] = [];
  const errors: FileError[] = [];

  async function visitFile(absPath: string, format: ArticleFormat, viaLink: boolean): Promise<void> {
    const id = toId(root, absPath);
    try {
      if (viaLink) {
        const target = await realpath(absPath);
        if (!isInside(realRoot, target)) {
          errors.push({ path: id, code: 'unreadable', reason: 'a link to a file outside the opened folder: not followed' });
          return;
        }
      }
      const info = await stat(absPath);
      if (!info.isFile()) return;
      files.push({ id, absPath, format, size: info.size, mtimeMs: info.mtimeMs });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // A name that is not valid UTF-8 comes back from readdir with U+FFFD in it and can no longer be opened.
      if (code === 'ENOENT' && id.includes('\uFFFD')) errors.push({ path: id, code: 'unreadable', reason: BAD_NAME });
      if (code === 'ENOENT') return; // deleted while scanning, or a dangling link
      errors.push({ path: id, code: 'unreadable', reason: `cannot read the file's details (${code ?? String(err)})` });
    }
  }

  async function visitDir(dir: string): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const reason =
        code === 'EACCES' || code === 'EPERM'
          ? 'folder cannot be read (permission denied)'
          : code === 'ENOENT' && dir.includes('\uFFFD')
            ? BAD_NAME
            : `folder cannot be read (${code ?? String(err)})`;
      errors.push({ path: toId(root, dir) || '.', code: 'unreadable', reason });
      return;
    }
    const work: Promise<void>[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const absPath = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) work.push(visitDir(absPath));
        continue;
      }
      const format = formatOf(entry.name);
      if (!format) continue;
      if (entry.isFile()) work.push(visitFile(absPath, format, false));
      else if (entry.isSymbolicLink()) work.push(visitFile(absPath, format, true));
    }
    await Promise.all(work);
  }

  await visitDir(root);
  const byId = (a: { id?: string; path?: string }, b: { id?: string; path?: string }): number =>
    (a.id ?? a.path ?? '') < (b.id ?? b.path ?? '') ? -1 : 1;
  files.sort(byId);
  errors.sort(byId);
  return { files, errors };
}
