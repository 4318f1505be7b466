import { ApiError, download } from '../../shared/api-client';

/**
 * Fetches a CSV export with the signed-in user's session and hands it to the browser as a file
 * download (a Blob behind a temporary object URL), so a failure shows on the page, not as a file.
 */
export async function downloadCsv(path: string, fileName: string): Promise<void> {
  const response = await download(path, 'text/csv');
  if (!response.ok) {
    const problem = (response.headers.get('content-type') ?? '').includes('json') ? ((await response.json()) as { title?: string; detail?: string }) : {};
    throw new ApiError(response.status, problem.title ?? response.statusText, problem.detail ?? '', []);
  }
  // A byte-order mark lets spreadsheet programs read the UTF-8 (Chinese department names) correctly.
  const blob = new Blob(['\uFEFF', await response.text()], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
