/**
 * A list of records an element reads from its client and reads again when the
 * client announces a change to their collection — loading and error states,
 * stale answers dropped. Shared by the queues and lists (tasks, leads, cases).
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { ElementClient } from "../context/contexts.js";

export interface ClientRecordsOptions<T> {
  /** The collection whose change events mean "read again". */
  collection: string;
  /** Reads the records; undefined when there is nothing to read from (no client, no repository). */
  read: () => Promise<T[]> | undefined;
  /** After each successful read. */
  loaded?: (items: T[]) => void;
  /** A change event not to read again for (the host's own write; or one it will read after itself). */
  ignore?: (event: { collection: string; ids: string[] }) => boolean;
  /** A failed read as the words the host shows (default: the error's message). */
  describe?: (error: unknown) => string;
}

export class ClientRecords<T> implements ReactiveController {
  items: T[] = [];
  loading = false;
  error: string | undefined;
  private seq = 0;
  private client: ElementClient | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ClientRecordsOptions<T>,
  ) {
    host.addController(this);
  }

  /** Follows this client's change events (the same client again changes nothing); reads when it changes. */
  follow(client: ElementClient | undefined): void {
    if (client === this.client) return;
    this.unsubscribe?.();
    this.client = client;
    this.unsubscribe = client?.on?.("change", (e) => {
      if (e.collection === this.options.collection && !this.options.ignore?.(e)) void this.load();
    });
    void this.load();
  }

  /** Back in the document: the host's next update follows its client again. */
  hostConnected(): void {
    if (this.client === undefined) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.client = undefined;
  }

  /** Drops the answer of a read under way (the host changed the records itself meanwhile). */
  cancel(): void {
    this.seq++;
    this.loading = false;
  }

  /** Reads the records again; an answer overtaken by a later read is dropped. */
  async load(): Promise<void> {
    const reading = this.options.read();
    if (!reading) {
      this.items = [];
      this.host.requestUpdate();
      return;
    }
    const seq = ++this.seq;
    this.loading = this.items.length === 0;
    this.host.requestUpdate();
    try {
      const items = await reading;
      if (seq !== this.seq) return;
      this.items = items;
      this.error = undefined;
      this.options.loaded?.(items);
    } catch (error) {
      if (seq === this.seq)
        this.error = this.options.describe
          ? this.options.describe(error)
          : error instanceof Error
            ? error.message
            : String(error);
    } finally {
      if (seq === this.seq) {
        this.loading = false;
        this.host.requestUpdate();
      }
    }
  }
}
