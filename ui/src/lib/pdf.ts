// PDF pages drawn in the window with pdf.js (WebKitGTK has no PDF viewer of its own). The
// library is loaded on first use, so the app starts without it.

import type { PDFDocumentProxy, RenderTask } from "pdfjs-dist";

let library: Promise<typeof import("pdfjs-dist")> | null = null;

function pdfjs() {
  library ??= Promise.all([import("pdfjs-dist"), import("pdfjs-dist/build/pdf.worker.min.mjs?url")]).then(
    ([lib, worker]) => {
      lib.GlobalWorkerOptions.workerSrc = worker.default;
      return lib;
    },
  );
  return library;
}

/** Whether these bytes are a PDF (its header, not its name). */
export function isPdf(bytes: Uint8Array): boolean {
  // The header may follow a little junk; readers look in the first kilobyte.
  return new TextDecoder("latin1").decode(bytes.subarray(0, 1024)).includes("%PDF-");
}

/** Opens a PDF from its bytes. The caller destroys it when done. */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const lib = await pdfjs();
  // No `eval`: the window's content security policy forbids it, and a resume needs none.
  return lib.getDocument({ data: bytes, isEvalSupported: false, enableXfa: false }).promise;
}

/**
 * Draws page `number` (from 1) into `canvas`, `width` CSS pixels wide and sharp on this screen.
 * `drawn` settles when the page is on the canvas; `cancel` stops a drawing no longer wanted (a
 * canvas takes one drawing at a time), and `drawn` then resolves without drawing.
 */
export function drawPage(doc: PDFDocumentProxy, number: number, canvas: HTMLCanvasElement, width: number) {
  let task: RenderTask | null = null;
  let cancelled = false;
  const drawn = (async () => {
    const page = await doc.getPage(number);
    if (cancelled) return;
    const natural = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: width / natural.width });
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.style.width = `${Math.floor(viewport.width)}px`;
    canvas.style.height = `${Math.floor(viewport.height)}px`;
    const transform = ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0];
    task = page.render({ canvas, viewport, transform });
    try {
      await task.promise;
    } catch (e) {
      if (!cancelled) throw e;
    }
  })();
  return {
    drawn,
    cancel() {
      cancelled = true;
      task?.cancel();
    },
  };
}
