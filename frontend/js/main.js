// Start GOV.UK Frontend's components. Loaded with <script type="module">, so it runs only in the
// browsers GOV.UK Frontend supports; the site works without it. The site's CSP forbids inline
// script, so the body classes GOV.UK's page template sets inline are set here, before initAll()
// (which checks for govuk-frontend-supported).
import { initAll } from "./govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
