/**
 * Reports: the Export dialog's calls. The dialog keeps what it shows (preview, messages)
 * itself and reports failures in its own words, so these return results and let errors
 * through rather than raising banners.
 */
import type { ImportResult, ReportFile, ReportFilter, ReportFormat } from '../../../shared/domain/report';
import type { ActionContext } from './workbench';

export function createReportActions(ctx: ActionContext, reloadAnnotations: () => Promise<void>) {
  const { client } = ctx;
  return {
    /** The HTML report for the preview, and its summary figures. */
    reportPreview: (filter: ReportFilter) => client.reportPreview({ filter }),

    /** The report as content, for the browser to download (PDF in base64). */
    exportReport: (format: ReportFormat, filter: ReportFilter): Promise<ReportFile> => client.exportReport({ format, filter }),

    /** Electron: the native save dialog, then the file written; null when the user cancels. */
    async saveReport(format: ReportFormat, filter: ReportFilter): Promise<string | null> {
      return (await client.saveReport({ format, filter })).path;
    },

    /** Import a W3C / Hypothesis file, then show the annotations it added. */
    async importAnnotations(fileName: string, content: string): Promise<ImportResult> {
      const result = await client.importAnnotations({ fileName, content });
      if (result.imported > 0) await reloadAnnotations();
      return result;
    },
  };
}
