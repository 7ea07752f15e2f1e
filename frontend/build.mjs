// Build static/ from GOV.UK Frontend and our sources: `npm run build` (Node 18 or newer, with the
// devDependencies: sass and esbuild). The output is committed, so the site itself never needs Node.
//
//   frontend/scss/main.scss  -> static/css/main.css (compressed, no source map, print rules inside)
//   frontend/js/main.js      -> static/js/main.js (one ES module: ours and the GOV.UK Frontend
//                               components it imports, bundled and minified by esbuild)
//   images the CSS refers to -> static/govuk/assets/images/ (never GOV.UK's fonts, crest or logo)
//   frontend/images/favicon.svg -> static/images/favicon.svg (raster icons: images/make-icons.sh)
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const govuk = join(root, "node_modules/govuk-frontend/dist/govuk");
const staticDir = join(root, "static");
const assetsUrl = "/static/govuk/assets/"; // $assets-path in frontend/scss/_tokens.scss
const assetsDir = join(staticDir, "govuk/assets");

// GOV.UK's own brand: this site must never serve these, even if a future CSS refers to them.
const brandFiles = /^(govuk-crest|govuk-icon|govuk-opengraph|favicon|govuk-logo|.*crown)/;

function copy(from, to) {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
  console.log(`${relative(root, to)}`);
}

function fail(message) {
  console.error(`build failed: ${message}`);
  process.exit(1);
}

// 1. Stylesheet.
const { css } = sass.compile(join(root, "frontend/scss/main.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  sourceMap: false,
  quietDeps: true,
});
if (/GDS Transport|@font-face/.test(css)) fail("main.css would load the GDS Transport font");
if (/url\(\s*["']?(https?:)?\/\//.test(css)) fail("main.css would load something from another host");

// 2. The images main.css refers to, from GOV.UK Frontend's assets. Start clean, so an image the
// CSS no longer needs does not linger in static/.
rmSync(assetsDir, { recursive: true, force: true });
const wanted = new Set();
for (const [, url] of css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
  if (url.startsWith(assetsUrl)) wanted.add(url.slice(assetsUrl.length));
}
for (const file of wanted) {
  if (file.startsWith("fonts/") || brandFiles.test(basename(file))) {
    fail(`main.css refers to GOV.UK's ${file}, which this site must not use`);
  }
  const from = join(govuk, "assets", file);
  if (!existsSync(from)) fail(`main.css refers to ${assetsUrl}${file}, not in GOV.UK Frontend`);
  copy(from, join(assetsDir, file));
}
if (existsSync(join(staticDir, "govuk")) && readdirSync(join(staticDir, "govuk")).length === 0) {
  rmSync(join(staticDir, "govuk"), { recursive: true });
}

mkdirSync(join(staticDir, "css"), { recursive: true });
writeFileSync(join(staticDir, "css/main.css"), css + "\n");
console.log(`static/css/main.css (${(Buffer.byteLength(css) / 1024).toFixed(1)} KB)`);

// 3. Script: ours with the GOV.UK Frontend components it imports, as one file (one request, and
// none of the components we do not use). No source map is shipped.
rmSync(join(staticDir, "js/govuk-frontend.min.js"), { force: true });
await esbuild.build({
  entryPoints: [join(root, "frontend/js/main.js")],
  outfile: join(staticDir, "js/main.js"),
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2020",
  legalComments: "none",
  logLevel: "warning",
});
console.log("static/js/main.js");

// 4. The unit's own icon.
copy(join(root, "frontend/images/favicon.svg"), join(staticDir, "images/favicon.svg"));
