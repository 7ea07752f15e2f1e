// Start GOV.UK Frontend's components. Loaded as a module, so it runs only in browsers that
// support it; the site works without it. The site's CSP forbids inline script, so the classes
// GOV.UK's template sets inline are set here instead.
import { initAll } from "./govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
