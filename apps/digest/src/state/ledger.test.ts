import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Ledger } from "./ledger.js";

// What only the SQLite driver promises; the rest is the store contract (store-contract.test.ts).
let dir: string;
let ledger: Ledger;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "briefing-ledger-"));
  ledger = new Ledger(join(dir, "state", "state.db"));
});
afterEach(async () => {
  await ledger.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("Ledger (SQLite)", () => {
  it("keeps the file in WAL mode, in a folder it creates", () => {
    const db = new Database(join(dir, "state", "state.db"), { readonly: true });
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });
});
