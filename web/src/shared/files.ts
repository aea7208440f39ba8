import { ErrorBody } from '../../../src/contracts/errors.ts';
import { ApiError } from '../app/api.ts';

/** The UTF-8 name of a Content-Disposition header (RFC 5987 `filename*`), else its plain `filename`. */
export function fileName(header: string | null): string | undefined {
  if (!header) return undefined;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try { return decodeURIComponent(star[1]); } catch { /* fall back to the plain name */ }
  }
  return /filename="([^"]+)"/i.exec(header)?.[1];
}

/**
 * Fetches a file of the API and saves it under the server's name; an error (session gone, no such
 * inventory) comes back as the API's bilingual message instead of a page of JSON. Resolves to the name.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<string> {
  const res = await fetch(path, { credentials: 'same-origin' });
  if (!res.ok) {
    const parsed = ErrorBody.safeParse(await res.json().catch(() => undefined));
    throw parsed.success ? new ApiError(res.status, parsed.data.error)
      : new ApiError(res.status, { code: 'bad_response', zh: `下载失败（HTTP ${res.status}）`, en: `Download failed (HTTP ${res.status})`, issues: [] });
  }
  const name = fileName(res.headers.get('content-disposition')) ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/** A picked file as base64 (no data: prefix), for the JSON bodies of the import endpoints. */
export function base64Of(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}
