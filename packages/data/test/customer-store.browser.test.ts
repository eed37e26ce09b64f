import { createIndexedDbStore } from "../src/index.js";
import { customerStoreSuite } from "./customer-store.suite.js";
import { encryptionSuite } from "./encryption.suite.js";
import { mergeSuite } from "./merge.suite.js";
import { conditionalWriteSuite, genericCollectionsSuite, storeContractSuite } from "./store-contract.suite.js";

let n = 0;
customerStoreSuite("Chromium, real IndexedDB");
storeContractSuite("IndexedDB, Chromium", () =>
  createIndexedDbStore({ name: `contract-chromium-${Date.now()}-${n++}` }),
);
encryptionSuite("Chromium");
storeContractSuite("IndexedDB encrypted, Chromium", () =>
  createIndexedDbStore({ name: `contract-sealed-${Date.now()}-${n++}`, encryption: true }),
);
genericCollectionsSuite("IndexedDB, Chromium", () => createIndexedDbStore({ name: `generic-${Date.now()}-${n++}` }));
conditionalWriteSuite("IndexedDB encrypted, Chromium", () =>
  createIndexedDbStore({ name: `conditional-${Date.now()}-${n++}`, encryption: true }),
);
mergeSuite("IndexedDB encrypted, Chromium", () => createIndexedDbStore({ name: `merges-${Date.now()}-${n++}` }), 5);
