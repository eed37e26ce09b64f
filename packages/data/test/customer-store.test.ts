import "fake-indexeddb/auto";
import { createIndexedDbStore, createMemoryStore } from "../src/index.js";
import { customerStoreSuite } from "./customer-store.suite.js";
import { encryptionSuite } from "./encryption.suite.js";
import { mergeSuite } from "./merge.suite.js";
import { conditionalWriteSuite, genericCollectionsSuite, storeContractSuite } from "./store-contract.suite.js";

let n = 0;
customerStoreSuite("Node, fake-indexeddb");
storeContractSuite("IndexedDB in the clear (encryption: false), Node, fake-indexeddb", () =>
  createIndexedDbStore({ name: `contract-node-${n++}`, encryption: false }),
);
storeContractSuite("memory", () => Promise.resolve(createMemoryStore()));
encryptionSuite("Node, fake-indexeddb");
storeContractSuite("IndexedDB encrypted, Node", () =>
  createIndexedDbStore({ name: `contract-sealed-${n++}`, encryption: true }),
);
genericCollectionsSuite("memory", () => Promise.resolve(createMemoryStore()));
genericCollectionsSuite("IndexedDB encrypted, Node", () =>
  createIndexedDbStore({ name: `generic-${n++}`, encryption: true }),
);
conditionalWriteSuite("memory", () => Promise.resolve(createMemoryStore()));
conditionalWriteSuite("IndexedDB encrypted, Node", () =>
  createIndexedDbStore({ name: `conditional-${n++}`, encryption: true }),
);
mergeSuite("memory", () => Promise.resolve(createMemoryStore()));
mergeSuite("IndexedDB encrypted, Node", () => createIndexedDbStore({ name: `merges-${n++}`, encryption: true }), 5);
