// `pnpm briefing <args>` and `pnpm brief`: the `briefing` CLI, built first when its sources
// changed (quietly), then run in this process with the arguments given.
import { ensureBuilt } from "./ensure-built.mjs";

ensureBuilt();
await import("../apps/digest/dist/bundle/briefing.js");
