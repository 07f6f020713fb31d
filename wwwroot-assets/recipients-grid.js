// The recipients grid as a spreadsheet: tabular text pasted into a cell goes to .NET, which fills rows and columns from that
// cell. A single value stays a normal paste. Pasted text travels as a stream (in chunks): one circuit message over the hub's
// limit would drop the circuit, and the paste with it. Loaded as a module by GridPaste.razor and PasteRows.razor.

function isTabular(text) {
  // Excel and Sheets end even a single copied cell with a line break.
  const trimmed = text.replace(/(\r\n|\n|\r)$/, "");
  return trimmed.includes("\t") || trimmed.includes("\n") || trimmed.includes("\r");
}

export function attach(gridSelector, dotnet) {
  const grid = document.querySelector(gridSelector);
  if (!grid || grid.__pasteAttached) return;
  grid.__pasteAttached = true;
  grid.addEventListener("paste", (event) => {
    const cell = event.target;
    if (!(cell instanceof HTMLInputElement) || !cell.dataset || cell.dataset.col === undefined) return;
    const text = event.clipboardData ? event.clipboardData.getData("text/plain") : "";
    if (!text || !isTabular(text)) return;
    event.preventDefault();
    const row = parseInt(cell.dataset.row, 10);
    const column = parseInt(cell.dataset.col, 10);
    dotnet.invokeMethodAsync("PasteCells", row, column, streamOf(text));
  });
}

function streamOf(text) {
  return DotNet.createJSStreamReference(new TextEncoder().encode(text));
}

// A big paste into the "Paste rows" box goes straight to .NET, added at once: a textarea laying out 100,000 lines can stall the
// page for longer than the circuit waits for it (and nobody reads 100,000 lines in a six-line box).
const boxDirectChars = 256 * 1024;

export function attachBox(area, dotnet) {
  if (!area || area.__pasteAttached) return;
  area.__pasteAttached = true;
  area.addEventListener("paste", (event) => {
    const text = event.clipboardData ? event.clipboardData.getData("text/plain") : "";
    if (text.length < boxDirectChars) return;
    event.preventDefault();
    const whole = area.value.slice(0, area.selectionStart) + text + area.value.slice(area.selectionEnd);
    dotnet.invokeMethodAsync("ReceiveText", streamOf(whole));
  });
}

// The "Paste rows" box's text, sent as a stream.
export function sendText(area, dotnet) {
  dotnet.invokeMethodAsync("ReceiveText", streamOf(area.value));
}

export function empty(area) {
  area.value = "";
}

// A problem's field, which may be a row the virtualised grid has not rendered: scroll the grid to it, then focus it.
export function focusField(selector, row, rowHeight) {
  const grid = document.querySelector("[data-testid=recipients-grid]");
  if (grid && row >= 0) grid.scrollTop = Math.max(0, row * rowHeight - rowHeight);
  let tries = 0;
  const attempt = () => {
    const field = document.querySelector(selector);
    if (field) {
      field.scrollIntoView({ block: "center" });
      field.focus({ preventScroll: true });
      return;
    }
    if (++tries < 60) requestAnimationFrame(attempt);
  };
  attempt();
}

// A remembered column mapping, kept in this browser only.
export function load(key) {
  try { return localStorage.getItem(key); } catch { return null; }
}

export function save(key, value) {
  try { localStorage.setItem(key, value); } catch { /* not kept */ }
}
