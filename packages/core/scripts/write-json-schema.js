// Writes dist/briefing.schema.json from the built model so the JSON contract ships with the package.
import { writeFileSync } from "node:fs";
import { getBriefingJsonSchema } from "../dist/index.js";

const url = new URL("../dist/briefing.schema.json", import.meta.url);
writeFileSync(url, `${JSON.stringify(getBriefingJsonSchema(), null, 2)}\n`);
