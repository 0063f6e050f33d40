// Fills in carelevel's Questionnaire in a real form engine, LHC-Forms, in
// headless Chromium, and screens the QuestionnaireResponse it produces.
// Run by tests/fhir/lhc-forms.sh, which installs what it needs.
// Usage: node lhc-forms.mjs LFORMS_DIR CHROMIUM CARELEVEL ANSWERS.json...
import { createServer } from "node:http";
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { join, extname } from "node:path";
import { tmpdir } from "node:os";
import { execFileSync } from "node:child_process";
import puppeteer from "puppeteer-core";

const [lforms, chromium, carelevel, ...answerFiles] = process.argv.slice(2);
const run = (...args) => execFileSync(carelevel, args, { encoding: "utf8" });
const questionnaire = JSON.parse(run("questions", "--format", "fhir"));

const page = `<!doctype html><html><head>
<link rel="stylesheet" href="/lforms/webcomponent/styles.css">
</head><body><div id="form"></div>
<script src="/lforms/webcomponent/assets/lib/zone.min.js"></script>
<script src="/lforms/webcomponent/runtime.js" type="module"></script>
<script src="/lforms/webcomponent/polyfills.js" type="module"></script>
<script src="/lforms/webcomponent/main.js" type="module"></script>
</body></html>`;
const types = { ".js": "text/javascript", ".css": "text/css", ".png": "image/png" };
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  if (path === "/") {
    res.writeHead(200, { "content-type": "text/html" });
    return res.end(page);
  }
  try {
    const body = readFileSync(join(lforms, path.replace(/^\/lforms\//, "")));
    res.writeHead(200, { "content-type": types[extname(path)] || "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu"],
});
const list = "#lhc-tools-searchResults li";
const labels = (tab) =>
  tab.$$eval(list, (lis) => lis.map((e) => e.textContent.trim().replace(/^\d+:\s*/, "")));

/** Open `input`'s list of answers and click `display`. */
async function pick(tab, input, item, display) {
  const mine = item.answerOption.map((o) => o.valueCoding.display);
  await input.click();
  // The list is shared by every field: wait until it holds this
  // question's options, opening it with the arrow key if need be.
  const ready = () =>
    tab.waitForFunction(
      (sel, want) => {
        const lis = [...document.querySelectorAll(sel)];
        const shown = lis.map((e) => e.textContent.trim().replace(/^\d+:\s*/, ""));
        return lis.length > 0 && lis[0].offsetParent !== null && JSON.stringify(shown) === JSON.stringify(want);
      },
      { timeout: 2000 },
      list,
      mine,
    );
  if (!(await ready().then(() => true, () => false))) {
    await input.press("ArrowDown");
    if (!(await ready().then(() => true, () => false))) {
      throw new Error(`no list of answers opens for ${item.linkId}: ${JSON.stringify(await labels(tab))}`);
    }
  }
  for (const li of await tab.$$(list)) {
    const text = (await li.evaluate((e) => e.textContent)).trim().replace(/^\d+:\s*/, "");
    if (text === display) {
      await li.click();
      break;
    }
  }
  // The list closes once an answer is picked; Tab leaves the field, as a
  // person moving on would, so that the form takes the answer.
  await tab.waitForSelector(list, { hidden: true, timeout: 5000 }).catch(() => {});
  await input.press("Tab");
}

const tmp = mkdtempSync(join(tmpdir(), "carelevel-lhc-"));
let failures = 0;
try {
  for (const file of answerFiles) {
    const given = JSON.parse(readFileSync(file, "utf8")).answers;
    const tab = await browser.newPage();
    tab.on("pageerror", (e) => console.error(`page error: ${e.message}`));
    await tab.goto(url, { waitUntil: "load" });
    await tab.waitForFunction(() => window.LForms && LForms.Util && LForms.Util.addFormToPage);
    // The FHIR support extends LForms, so it loads once LForms is there.
    // (Evaluated rather than added as a script tag, which fails to run it.)
    await tab.evaluate(async () => {
      (0, eval)(await (await fetch("/lforms/fhir/R4/lformsFHIR.min.js")).text());
    });
    await tab.evaluate((q) => LForms.Util.addFormToPage(q, "form"), questionnaire);
    await tab.waitForSelector("lhc-item");
    // In the order of the questions, as a person would: each one the form
    // shows (its enableWhen holds) is answered through its own input.
    for (const item of questionnaire.item) {
      const value = given[item.linkId];
      if (value === undefined || value === null) continue;
      const input = await tab
        .waitForSelector(`[id="${item.linkId}/1"]`, { visible: true, timeout: 5000 })
        .catch(() => null);
      if (!input) throw new Error(`${file}: the form does not show ${item.linkId}`);
      if (item.type === "integer") {
        await input.click({ clickCount: 3 });
        await input.type(String(value));
        await input.press("Tab");
        continue;
      }
      const code = { true: "yes", false: "no" }[value] ?? String(value);
      const option = item.answerOption.find((o) => o.valueCoding.code === code);
      if (!option) throw new Error(`${file}: ${item.linkId} has no option ${code}`);
      // The drop-down list LHC-Forms shows: click the option by its label,
      // then check that the field shows it (else try again).
      const display = option.valueCoding.display;
      let ok = false;
      for (let attempt = 0; attempt < 3 && !ok; attempt++) {
        await pick(tab, input, item, display);
        ok = (await input.evaluate((e) => e.value)).trim() === display;
      }
      if (!ok) throw new Error(`${file}: could not pick "${display}" for ${item.linkId}`);
    }
    // Let the form settle (its expressions run after each change).
    await new Promise((ok) => setTimeout(ok, 300));
    const response = await tab.evaluate(() =>
      LForms.Util.getFormFHIRData("QuestionnaireResponse", "R4", document.getElementById("form")),
    );
    await tab.close();
    const out = join(tmp, `response-${file.split("/").pop()}`);
    writeFileSync(out, JSON.stringify(response, null, 2), { mode: 0o600 });
    let fromForm;
    try {
      fromForm = JSON.parse(run("screen", "--answers", out, "--format", "json"));
    } catch (e) {
      console.log(`${file}: carelevel refused the LHC-Forms response: ${e.stderr}`);
      failures++;
      continue;
    }
    const fromFile = JSON.parse(run("screen", "--answers", file, "--format", "json"));
    const same = fromForm.level === fromFile.level && fromForm.crisis === fromFile.crisis
      && JSON.stringify(fromForm.dimensions) === JSON.stringify(fromFile.dimensions);
    console.log(`${file}: LHC-Forms response -> ${fromForm.level}${fromForm.crisis ? " (crisis)" : ""}; `
      + `answer file -> ${fromFile.level}${fromFile.crisis ? " (crisis)" : ""}; `
      + `${response.item.length} items: ${same ? "same" : "MISMATCH"}`);
    if (!same) failures++;
  }
} finally {
  await browser.close();
  server.close();
}
if (failures) {
  console.log(`The LHC-Forms responses are kept in ${tmp} to look into; they are answers: delete them after.`);
} else {
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(failures ? 1 : 0);
