// The recipients grid as a spreadsheet: tabular text pasted into a cell goes to .NET, which fills rows and columns from that
// cell. A single value stays a normal paste. Loaded as a module by GridPaste.razor.

// How many bytes a paste costs on the circuit: its UTF-8 text, each character JSON escapes twice, and the call's envelope.
function circuitBytes(text) {
  let escapes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13 || c === 34 || c === 92) escapes++;
  }
  return new TextEncoder().encode(text).length + escapes + 1024;
}

function isTabular(text) {
  // Excel and Sheets end even a single copied cell with a line break.
  const trimmed = text.replace(/(\r\n|\n|\r)$/, "");
  return trimmed.includes("\t") || trimmed.includes("\n") || trimmed.includes("\r");
}

export function attach(gridSelector, dotnet, maxBytes) {
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
    const bytes = circuitBytes(text);
    if (bytes > maxBytes) {
      dotnet.invokeMethodAsync("PasteTooLarge", bytes);
      return;
    }
    dotnet.invokeMethodAsync("PasteCells", row, column, text);
  });
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
