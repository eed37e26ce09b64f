/**
 * Registers a tag once. Each `components/<name>/<name>.ts` file calls it for
 * its element and the elements it renders — it never imports another define
 * file: a define file shared by two entries would be moved into a shared chunk
 * by the bundler, and a host's bundler honouring `sideEffects` would then drop
 * the registration (the workstation's e2e test caught exactly that).
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
