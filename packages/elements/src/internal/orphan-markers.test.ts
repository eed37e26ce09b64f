import { expect } from "@open-wc/testing";
import { describe, it } from "vitest";
import { sweepOrphanMarkers } from "./orphan-markers.js";

const flush = () => new Promise((r) => setTimeout(r, 0));
const comments = (el: Node) => [...el.childNodes].filter((n) => n.nodeType === Node.COMMENT_NODE).length;

/** A container with parts as insertPart() makes them: an empty start marker, a row, an empty end marker. */
function parts(count: number) {
  const container = document.createElement("div");
  const made = Array.from({ length: count }, (_, i) => {
    const start = document.createComment("");
    const row = document.createElement("article");
    row.textContent = `row ${i}`;
    const end = document.createComment("");
    container.append(start, row, end);
    return { start, row, end };
  });
  document.body.append(container);
  return { container, made };
}

describe("sweepOrphanMarkers (lit/lit#5298 workaround)", () => {
  it("removes the end marker a buggy removePart leaves behind, and nothing else", async () => {
    const { container, made } = parts(5);
    const sweep = sweepOrphanMarkers(container);
    // lit-html 3.3.2/3.3.3 removePart: clear the content, remove the start marker — the end marker stays.
    for (const part of [made[1]!, made[3]!]) {
      part.row.remove();
      part.start.remove();
    }
    await flush();
    expect(sweep.removed).to.equal(2);
    expect(made[1]!.end.isConnected).to.equal(false);
    expect(made[3]!.end.isConnected).to.equal(false);
    // The live parts keep both markers.
    for (const i of [0, 2, 4]) {
      expect(made[i]!.start.isConnected && made[i]!.end.isConnected).to.equal(true);
    }
    expect(comments(container)).to.equal(6);
    sweep.disconnect();
    container.remove();
  });

  it("touches nothing when lit-html removes both markers (fixed) or moves parts", async () => {
    const { container, made } = parts(6);
    const sweep = sweepOrphanMarkers(container);
    // Fixed removePart: content, start, then end.
    made[2]!.row.remove();
    made[2]!.start.remove();
    made[2]!.end.remove();
    // repeat moving a part before another: each of its nodes re-inserted.
    const moved = made[4]!;
    for (const node of [moved.start, moved.row, moved.end]) container.insertBefore(node, made[0]!.start);
    // Clearing a range of parts at once.
    for (const part of [made[0]!]) {
      part.start.remove();
      part.row.remove();
      part.end.remove();
    }
    await flush();
    expect(sweep.removed).to.equal(0);
    for (const i of [1, 3, 4, 5]) expect(made[i]!.start.isConnected && made[i]!.end.isConnected).to.equal(true);
    expect(comments(container)).to.equal(8);
    sweep.disconnect();
    container.remove();
  });
});
