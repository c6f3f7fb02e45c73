import { ApiError, clientErrorCodes } from '../../api/client';

/**
 * PUTs a file's raw bytes with XMLHttpRequest, whose upload events give the progress bar that
 * fetch cannot. Errors come back as the shell's `ApiError`, like every other call to the API.
 */
export function uploadWithProgress<T>(url: string, file: File, options: { language: string; csrfToken: string; onProgress(fraction: number): void }): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', options.language);
    // The type the browser gives the file is only a claim: the server checks it against the bytes.
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('x-csrf-token', options.csrfToken);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress(event.loaded / event.total);
    });
    xhr.addEventListener('load', () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        options.onProgress(1);
        resolve(body as T);
        return;
      }
      const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
      reject(
        typeof error?.code === 'string' && typeof error.message === 'string'
          ? new ApiError(xhr.status, error.code, error.message, options.language, error.details)
          : new ApiError(xhr.status, clientErrorCodes.unreadable, '', options.language),
      );
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, clientErrorCodes.network, '', options.language)));
    xhr.send(file);
  });
}
