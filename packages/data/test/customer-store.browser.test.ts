import { customerStoreSuite } from "./customer-store.suite.js";

customerStoreSuite("Chromium, real IndexedDB");
