import { describe, expect, it } from "vitest";
import { createProgressBar } from "./progress-bar.js";

function drive(enabled: boolean, total: number): string {
  let out = "";
  const bar = createProgressBar({ enabled, write: (t) => (out += t), columns: 60 });
  for (let done = 0; done <= total; done++) bar.update({ stage: "read", done, total });
  bar.finish();
  return out;
}

describe("createProgressBar", () => {
  it("draws once per whole percent and clears the line at the end", () => {
    const out = drive(true, 1000);
    expect(out.split("\r").filter(Boolean)).toHaveLength(102);
    expect(out).toContain("reading files 500/1000  50% [");
    expect(out.endsWith("\r\u001b[2K")).toBe(true);
  });

  it("is silent when stderr is not a terminal, and for short runs", () => {
    expect(drive(false, 1000)).toBe("");
    expect(drive(true, 50)).toBe("");
  });
});
