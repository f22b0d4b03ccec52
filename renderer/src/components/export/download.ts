import type { ReportFile } from '../../../../shared/domain/report';

/** The file's bytes: text as UTF-8, or the base64 the back end sends for binary formats (PDF). */
export function reportBlob(file: ReportFile): Blob {
  if (file.encoding === 'utf8') return new Blob([file.content], { type: file.mimeType });
  const binary = atob(file.content);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: file.mimeType });
}

const REVOKE_AFTER_MS = 40_000;

/**
 * Browser mode has no save dialog: hand the file to the browser as a download under its
 * suggested name. The anchor goes into `parent` (inside the modal dialog, so the click is
 * not on an inert part of the page).
 */
export function downloadReportFile(file: ReportFile, parent: HTMLElement = document.body): void {
  const url = URL.createObjectURL(reportBlob(file));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  parent.append(link);
  link.click();
  link.remove();
  // Revoked late, not at once: some browsers read the blob after the click returns (FileSaver.js waits 40 s too).
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
