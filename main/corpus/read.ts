/**
 * One file from bytes to text + metadata, or to a FileError code and reason.
 * Never throws for a bad file: binary, empty, too large, unreadable, badly encoded
 * or malformed files come back as { ok: false, error }.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { ArticleDate, ArticleFormat, FileErrorCode } from '../../shared/domain/article';
import { resolveDate } from './dates';
import { FileReadError } from './errors';
import { extract, formatOf } from './formats';
import { extractMetadata, type ExtractedMetadata } from './metadata';
import { normaliseText } from './normalise';

export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;

export interface FileFailure {
  code: FileErrorCode;
  reason: string;
}

export type ReadResult =
  | {
      ok: true;
      text: string;
      format: ArticleFormat;
      meta: { title: string; publisher: string | null; byline: string | null; date: ArticleDate };
    }
  | { ok: false; error: FileFailure };

/** What extraction of a file's bytes gives; depends only on the bytes and the format (so it is cached by hash). */
export type Extraction = { ok: true; text: string; format: ArticleFormat; meta: ExtractedMetadata } | { ok: false; error: FileFailure };

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export function describeFsError(err: unknown): FileFailure {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM') return { code: 'unreadable', reason: 'permission denied: the file cannot be read' };
  if (code === 'ENOENT') return { code: 'unreadable', reason: 'the file no longer exists' };
  if (code === 'EISDIR') return { code: 'unsupported', reason: 'a folder, not a file' };
  return { code: 'unreadable', reason: `cannot read the file (${code ?? (err instanceof Error ? err.message : String(err))})` };
}

const megabytes = (n: number): string => `${(n / (1024 * 1024)).toFixed(n < 1024 * 1024 ? 2 : 1)} MB`;

/** Size checks that need no reading. */
export function checkSize(size: number, maxFileBytes: number): FileFailure | null {
  if (size === 0) return { code: 'empty', reason: 'empty file (0 bytes)' };
  if (size > maxFileBytes) return { code: 'too-large', reason: `too large: ${megabytes(size)}, the limit is ${megabytes(maxFileBytes)}` };
  return null;
}

const READ_CHUNK_BYTES = 1024 * 1024;

/**
 * Read a file's bytes, mapping file-system errors to a FileFailure. The file is
 * checked again here, on the open handle: between the scan and this read it may
 * have been replaced by a FIFO (reading one waits forever for a writer, so it is
 * opened non-blocking and refused) or have grown past the size limit (reading
 * stops there).
 */
export async function readBytes(
  absPath: string,
  maxFileBytes = DEFAULT_MAX_FILE_BYTES,
): Promise<{ ok: true; bytes: Buffer } | { ok: false; error: FileFailure }> {
  let handle: FileHandle | null = null;
  try {
    handle = await open(absPath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const info = await handle.stat();
    if (info.isDirectory()) return { ok: false, error: { code: 'unsupported', reason: 'a folder, not a file' } };
    if (!info.isFile()) return { ok: false, error: { code: 'unsupported', reason: 'not a regular file (a pipe, socket or device)' } };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(READ_CHUNK_BYTES, maxFileBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxFileBytes) return { ok: false, error: checkSize(total, maxFileBytes)! };
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (err) {
    return { ok: false, error: describeFsError(err) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Text and metadata of a file's bytes. */
export async function extractDocument(bytes: Uint8Array, format: ArticleFormat, fileName: string): Promise<Extraction> {
  try {
    const { text: raw, hints } = await extract(bytes, format);
    const text = normaliseText(raw);
    if (!text) {
      const reason = format === 'pdf' ? 'no text found (a scanned PDF without a text layer?)' : 'no text found: the file holds only white space or markup';
      return { ok: false, error: { code: 'empty', reason } };
    }
    const fallbackTitle = basename(fileName, extname(fileName));
    return { ok: true, text, format, meta: extractMetadata(text, hints, fallbackTitle) };
  } catch (err) {
    if (err instanceof FileReadError) return { ok: false, error: { code: err.code, reason: err.reason } };
    return { ok: false, error: { code: 'malformed', reason: `could not read the file (${err instanceof Error ? err.message : String(err)})` } };
  }
}

/** Turn a cached/fresh extraction into the public result, resolving the date against the file's mtime. */
export function toReadResult(extraction: Extraction, mtimeMs: number): ReadResult {
  if (!extraction.ok) return extraction;
  const { title, publisher, byline, statedDate } = extraction.meta;
  return {
    ok: true,
    text: extraction.text,
    format: extraction.format,
    meta: { title, publisher, byline, date: resolveDate(statedDate, mtimeMs) },
  };
}

/** Read one article file (used by `reckon claims <file>` and the corpus). */
export async function readDocument(absPath: string, options: { maxFileBytes?: number } = {}): Promise<ReadResult> {
  const format = formatOf(basename(absPath));
  if (!format) {
    const ext = extname(absPath) || '(no extension)';
    return { ok: false, error: { code: 'unsupported', reason: `unsupported file type ${ext}: Reckon reads .txt, .md, .html, .pdf and .docx` } };
  }
  let info;
  try {
    info = await stat(absPath);
  } catch (err) {
    return { ok: false, error: describeFsError(err) };
  }
  if (!info.isFile()) return { ok: false, error: { code: 'unsupported', reason: 'not a regular file' } };
  const sizeProblem = checkSize(info.size, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
  if (sizeProblem) return { ok: false, error: sizeProblem };
  const read = await readBytes(absPath, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
  if (!read.ok) return read;
  return toReadResult(await extractDocument(read.bytes, format, basename(absPath)), info.mtimeMs);
}
