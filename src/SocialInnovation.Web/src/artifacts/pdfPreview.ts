// The PDF renderer (pdf.js) and its worker: imported only by DeckPreview with import(), so this module
// and pdf.js are their own chunk, fetched the first time a gallery shows a PDF deck — never part of the
// main bundle. The worker is a separate same-origin file (the Content-Security-Policy allows 'self').
import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

/**
 * Draws the first page of the PDF at `url` (a short-lived download link) into `canvas`, `cssWidth`
 * pixels wide on screen and sharp on high-density screens. Only the first page is parsed and drawn;
 * the document is closed afterwards. Throws when the file cannot be read or drawn (the caller then
 * shows its textual fallback).
 */
export async function renderFirstPage(url: string, canvas: HTMLCanvasElement, cssWidth: number, signal: AbortSignal): Promise<void> {
  const task = getDocument({
    url,
    // No WebAssembly decoders (the page's CSP does not allow compiling it; pdf.js falls back to its
    // JavaScript ones), one plain request (the link answers the whole file), no prefetching of pages
    // the preview never shows, no XFA forms.
    useWasm: false,
    disableRange: true,
    disableStream: true,
    disableAutoFetch: true,
    enableXfa: false,
  });
  signal.addEventListener('abort', () => void task.destroy());
  try {
    const pdf = await task.promise;
    const page = await pdf.getPage(1);
    const base = page.getViewport({ scale: 1 });
    const scale = (cssWidth * Math.min(window.devicePixelRatio || 1, 2)) / base.width;
    const viewport = page.getViewport({ scale });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    await page.render({ canvas, viewport }).promise;
  } finally {
    await task.destroy();
  }
}
