import { downloadFile } from '../../../shared/files.ts';

/** Evidence files: at most 5 MB each and 10 per report, as the API checks (src/server/reports/service.ts). */
export const MAX_FILE_MB = 5;
export const MAX_FILES = 10;

export { base64Of } from '../../../shared/files.ts';

/** Fetches an evidence file and saves it under its name; API errors come back as ApiError. */
export async function download(path: string, name: string): Promise<void> {
  await downloadFile(path, name);
}
