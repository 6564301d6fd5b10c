import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import type { DigestStore } from "../digest-store.js";
import { Ledger } from "../ledger.js";
import { PostgresLedger } from "../postgres-ledger.js";

/**
 * The PostgreSQL database the driver tests use: `BRIEFING_TEST_POSTGRES`
 * (postgres://user:password@host/db; `.ci/run` sets it). Unset, those tests are skipped.
 */
export const TEST_POSTGRES = process.env.BRIEFING_TEST_POSTGRES;

/** A store opened for one test, with what the contract needs beyond the interface. */
export interface OpenedStore {
  store: DigestStore;
  /** Its connection string (a file path or a postgres:// URL), for other processes. */
  state: string;
  /** Makes a digest's lock look held by this pid (a holder killed with SIGKILL). */
  forgeLockPid(digest: string, pid: number): Promise<void>;
  cleanup(): Promise<void>;
}

export interface StoreDriver {
  name: "sqlite" | "postgres";
  open(): Promise<OpenedStore>;
}

const sqlite: StoreDriver = {
  name: "sqlite",
  async open() {
    const dir = mkdtempSync(join(tmpdir(), "briefing-store-"));
    const state = join(dir, "state", "state.db");
    const store = new Ledger(state);
    return {
      store,
      state,
      async forgeLockPid(digest, pid) {
        const db = new Database(state);
        db.prepare("UPDATE locks SET pid = ? WHERE digest = ?").run(pid, digest);
        db.close();
      },
      async cleanup() {
        await store.close().catch(() => {}); // a test may have closed it
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

/** Each test gets a schema of its own in the test database, dropped afterwards. */
const postgres: StoreDriver = {
  name: "postgres",
  async open() {
    const url = TEST_POSTGRES as string;
    const schema = `t_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const state = withSearchPath(url, schema);
    const store = await PostgresLedger.connect(state);
    return {
      store,
      state,
      async forgeLockPid(digest, pid) {
        const client = new pg.Client({ connectionString: state });
        await client.connect();
        await client.query("UPDATE locks SET pid = $1 WHERE digest = $2", [pid, digest]);
        await client.end();
      },
      async cleanup() {
        await store.close().catch(() => {}); // a test may have closed it
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema}_pgboss CASCADE`);
        await client.query(`DROP SCHEMA ${schema} CASCADE`);
        await client.end();
      },
    };
  },
};

/** A connection string whose sessions work in `schema`. */
export function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set("options", `-c search_path=${schema}`);
  return parsed.toString();
}

/** The drivers to test here: SQLite always, PostgreSQL when a test database is configured. */
export function storeDrivers(): StoreDriver[] {
  return TEST_POSTGRES ? [sqlite, postgres] : [sqlite];
}
