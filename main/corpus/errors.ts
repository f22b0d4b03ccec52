import type { FileErrorCode } from '../../shared/domain/article';

/**
 * Why one file could not be read. Thrown inside the readers and turned into a
 * FileError (listed, skipped) by readDocument; never escapes to the caller.
 */
export class FileReadError extends Error {
  constructor(
    readonly code: FileErrorCode,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'FileReadError';
  }
}
