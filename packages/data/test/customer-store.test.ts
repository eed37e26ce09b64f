import "fake-indexeddb/auto";
import { customerStoreSuite } from "./customer-store.suite.js";

customerStoreSuite("Node, fake-indexeddb");
