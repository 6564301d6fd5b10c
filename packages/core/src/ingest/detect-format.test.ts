import { describe, expect, it } from "vitest";
import { detectFormat } from "./detect-format.js";

describe("detectFormat", () => {
  it.each([
    ["a.txt", "Plain text article.", "text"],
    ["a.md", "# Title\n\nText.", "markdown"],
    ["a.txt", "---\ntitle: x\n---\nBody", "markdown"],
    ["a.html", "<p>x</p>", "html"],
    ["a.txt", "<!DOCTYPE html><html><body>x</body></html>", "html"],
    ["page", "<html lang=en><body>x</body></html>", "html"],
    ["a.xml", '<?xml version="1.0"?><rss version="2.0"></rss>', "feed"],
    ["feed", "<feed xmlns='http://www.w3.org/2005/Atom'></feed>", "feed"],
    ["a.json", '{"version":"https://jsonfeed.org/version/1.1","items":[]}', "feed"],
    ["a.json", '{"title":"T","feed_url":"https:\\/\\/x.example\\/feed.json","items":[]}', "feed"],
    ["a.json", '{"version":"https:\\/\\/jsonfeed.org\\/version\\/1","items":[]}', "feed"],
    ["a.json", '[{"title":"x"}]', "json"],
    ["a.jsonl", '{"id":1}\n{"id":2}', "jsonl"],
    ["data", '{"id":1}\n{"id":2}\n', "jsonl"],
    ["reut2-000.sgm", '<!DOCTYPE lewis>\n<REUTERS NEWID="1">', "reuters-sgml"],
    ["doc.tml", '<?xml version="1.0" ?>\n<TimeML xmlns:xsi="x"><DOCID>1</DOCID>', "timeml"],
    ["doc.xml", "<?xml version='1.0' encoding='utf-8'?>\n<TimeML><DOCID>4764</DOCID>", "timeml"],
    ["notes", "[Photo] A caption, then text.", "json"],
    ["notes.txt", "[Photo] A caption, then text.", "text"],
  ])("%s holding %j is %s", (path, text, expected) => {
    expect(detectFormat(path, text)).toBe(expected);
  });
});
