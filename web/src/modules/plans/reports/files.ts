import { ErrorBody } from '../../../../../src/contracts/errors.ts';
import { ApiError } from '../../../app/api.ts';

/** Evidence files: at most 5 MB each and 10 per report, as the API checks (src/server/reports/service.ts). */
export const MAX_FILE_MB = 5;
export const MAX_FILES = 10;

/** A picked file as base64 without the data: prefix, for the JSON body of POST /api/reports. */
export function base64Of(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

/** Fetches an evidence file and saves it under its name; API errors come back as ApiError. */
export async function download(path: string, name: string): Promise<void> {
  const res = await fetch(path, { credentials: 'same-origin' });
  if (!res.ok) {
    const parsed = ErrorBody.safeParse(await res.json().catch(() => undefined));
    throw parsed.success ? new ApiError(res.status, parsed.data.error)
      : new ApiError(res.status, { code: 'bad_response', zh: `下载失败（HTTP ${res.status}）`, en: `Download failed (HTTP ${res.status})`, issues: [] });
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
