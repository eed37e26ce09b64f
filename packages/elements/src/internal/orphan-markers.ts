/**
 * A workaround for lit/lit#5298, inside the element, for hosts on any Lit 3.
 *
 * lit-html 3.3.2 and 3.3.3 leave one comment node behind for every part
 * `removePart()` removes: `insertPart()` makes two markers, `removePart()`
 * removes only the start one. A virtualized list removes parts on every scroll,
 * so the orphans pile up — measured: 28,000 comments and median frames from
 * 50 ms to 1,108 ms after six passes over 10,000 rows. Inside this repository a
 * pnpm patch fixes lit-html; a host that installs the package from a registry
 * gets whatever lit-html it resolves, so the element cleans up after it.
 *
 * The sweep watches one container's children and reads the DOM's own record
 * of each removal. `removePart()` first clears the part's content, then removes
 * its empty start marker — the removal record's `nextSibling` is then the part's
 * end marker. If that end marker is still in the container after lit has
 * finished (the bug), it belongs to no part any more and is removed. With a
 * fixed lit-html the end marker is gone already, and a removal that is itself
 * an end marker (it was the previous removal's `nextSibling`) or a node that
 * was moved (still connected) is never mistaken for one: nothing else is touched.
 */
const isEmptyComment = (node: Node | null | undefined): node is Comment =>
  node?.nodeType === 8 /* COMMENT_NODE */ && (node as Comment).data === "";

export interface MarkerSweeper {
  /** How many orphaned markers it has removed (for tests). */
  readonly removed: number;
  disconnect(): void;
}

export function sweepOrphanMarkers(container: Node): MarkerSweeper {
  let removed = 0;
  const observer = new MutationObserver((records) => {
    let previousNext: Node | null = null;
    for (const record of records) {
      if (record.removedNodes.length === 0) continue;
      const gone = record.removedNodes.length === 1 ? record.removedNodes[0] : undefined;
      const next = record.nextSibling;
      if (
        isEmptyComment(gone) &&
        gone.parentNode === null &&
        gone !== previousNext &&
        isEmptyComment(next) &&
        next.parentNode === container
      ) {
        next.remove();
        removed++;
      }
      previousNext = next;
    }
    // Our own removals are not lit's: drop their records.
    observer.takeRecords();
  });
  observer.observe(container, { childList: true });
  return {
    get removed() {
      return removed;
    },
    disconnect: () => observer.disconnect(),
  };
}
