// One measurement in a process of its own, so that its time and peak memory are its alone:
// `node --import tsx run-stage.ts <stage> <folder>` prints one JSON line with the figures and
// the process's peak RSS.
import { measureEmail, measureSend } from "./measure-email.js";
import { measureFloor } from "./measure-floor.js";
import { measurePipeline } from "./measure-pipeline.js";

const STAGES = {
  floor: measureFloor,
  pipeline: measurePipeline,
  email: (dir: string) => measureEmail(dir),
  send: (dir: string) => measureSend(dir),
} as const;

const [stage, dir] = process.argv.slice(2);
const measure = STAGES[stage as keyof typeof STAGES];
if (!measure || !dir) {
  process.stderr.write(
    `run-stage: expected <${Object.keys(STAGES).join("|")}> <folder>, found "${process.argv.slice(2).join(" ")}"\n`,
  );
  process.exit(2);
}
const result = await measure(dir);
const peakRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ ...result, peakRssMb })}\n`);
