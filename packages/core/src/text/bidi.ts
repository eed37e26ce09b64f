/**
 * Text that shows what it is (Trojan Source, CVE-2021-42574, applied to
 * display). Unicode's bidirectional formatting characters reorder what follows
 * them: a right-to-left override (U+202E) left open in a name turns the masked
 * mobile after it, `181****9432`, into `2349****181` on screen. Three defences,
 * each here once:
 * - refuse at the boundary text whose embeddings, overrides and isolates are
 *   not closed on the line that opens them (`hasUnpairedBidi`: the schemas'
 *   free-text rule, on the client and the server alike);
 * - drop format and control characters before masking, so a mask never keeps
 *   one as a name's "first character" (`withoutControls`);
 * - isolate every piece of supplied text where it is shown: `isolate` wraps it
 *   in FSI … PDI (what Fluent does to every placeable) for text inside a
 *   sentence; elements put data in `<bdi>`.
 * No imports: schemas, masking and the elements' messages all use it.
 */

/** LRE, RLE, LRO, RLO: embeddings and overrides, closed by PDF. */
const EMBEDDINGS = "\u202A\u202B\u202D\u202E";
const PDF = "\u202C";
/** LRI, RLI, FSI: isolates, closed by PDI. */
const ISOLATES = "\u2066\u2067\u2068";
/** First strong isolate and pop directional isolate (Unicode UAX #9). */
export const FSI = "\u2068";
export const PDI = "\u2069";
/** Paragraph separators: UAX #9 closes everything still open at each. */
// eslint-disable-next-line no-control-regex -- the information separators are paragraph separators in UAX #9
const PARAGRAPH = /[\n\r\u0085\u001C-\u001E\u2029]/;

/** Any bidirectional formatting character (embedding, override, isolate, their closers, and LRM/RLM/ALM marks). */
export const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/**
 * True when an embedding, override or isolate is left open at the end of its
 * line, or a PDF / PDI closes nothing — the shapes that reorder text beyond
 * their own. Balanced pairs (as right-to-left scripts legitimately use) pass;
 * the marks LRM, RLM and ALM reorder nothing past themselves and pass too.
 */
export function hasUnpairedBidi(text: string): boolean {
  // Each entry: "e" an embedding or override, "i" an isolate.
  let open: ("e" | "i")[] = [];
  for (const ch of text) {
    if (EMBEDDINGS.includes(ch)) open.push("e");
    else if (ISOLATES.includes(ch)) open.push("i");
    else if (ch === PDF) {
      // A PDF closes the innermost embedding, never across an isolate.
      if (open.at(-1) !== "e") return true;
      open.pop();
    } else if (ch === PDI) {
      // A PDI closes the innermost isolate and whatever embeddings it still holds.
      const at = open.lastIndexOf("i");
      if (at < 0) return true;
      open = open.slice(0, at);
    } else if (PARAGRAPH.test(ch)) {
      if (open.length > 0) return true;
    }
  }
  return open.length > 0;
}

/**
 * The text with every embedding, override and isolate closed on its own line
 * and every closer that closes nothing dropped — the neutralised form of text
 * already stored (a record from before the rule, another system's extract):
 * it reads the same, and reorders nothing past itself. Balanced text is
 * returned unchanged.
 */
export function closeBidi(text: string): string {
  if (!hasUnpairedBidi(text)) return text;
  let out = "";
  let open: ("e" | "i")[] = [];
  const closeAll = () => {
    for (let i = open.length - 1; i >= 0; i--) out += open[i] === "e" ? PDF : PDI;
    open = [];
  };
  for (const ch of text) {
    if (EMBEDDINGS.includes(ch)) open.push("e");
    else if (ISOLATES.includes(ch)) open.push("i");
    else if (ch === PDF) {
      if (open.at(-1) !== "e") continue;
      open.pop();
    } else if (ch === PDI) {
      const at = open.lastIndexOf("i");
      if (at < 0) continue;
      open = open.slice(0, at);
    } else if (PARAGRAPH.test(ch)) closeAll();
    out += ch;
  }
  closeAll();
  return out;
}

/** `closeBidi` over every string of a record (arrays and objects walked; a new value, the input untouched). */
export function closeBidiIn(value: unknown): unknown {
  if (typeof value === "string") return closeBidi(value);
  if (Array.isArray(value)) return value.map(closeBidiIn);
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, closeBidiIn(v)]));
  return value;
}

/** Strong right-to-left letters (Hebrew, Arabic and the other RTL scripts) or a bidi control. */
const REORDERS =
  /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u200E\u200F\u202A-\u202E\u2066-\u2069\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

/**
 * `isolate(text)` when the text could reorder what is around it (it has a
 * right-to-left letter or a bidi control), else the text as it is: the same on
 * screen, and plain Chinese or English stays byte for byte what it was.
 */
export function isolateIfNeeded(text: string): string {
  return REORDERS.test(text) ? isolate(text) : text;
}

/** The text without control and format characters (C0/C1 controls, bidi controls, zero-width characters). */
export function withoutControls(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}]/gu, "");
}

/** Text set inside a sentence as a unit of its own: whatever direction it has stays inside it. */
export function isolate(text: string): string {
  return FSI + text + PDI;
}
