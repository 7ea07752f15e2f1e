// Build static/ from GOV.UK Frontend and our sources: `npm run build`.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const govuk = join(root, "node_modules/govuk-frontend/dist/govuk");
const out = (...parts) => join(root, "static", ...parts);

function copy(from, to) {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
}

const css = sass.compile(join(root, "frontend/scss/main.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
mkdirSync(out("css"), { recursive: true });
writeFileSync(out("css/main.css"), css.css + "\n");

copy(join(govuk, "govuk-frontend.min.js"), out("js/govuk-frontend.min.js"));
copy(join(root, "frontend/js/main.mjs"), out("js/main.mjs"));
console.log(`static/css/main.css: ${(css.css.length / 1024).toFixed(1)} KB`);
