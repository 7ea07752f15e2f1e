// Start the GOV.UK Frontend components our pages use. Bundled with them into one file by
// `npm run build` (only what is imported here is included: a phone's first visit fetches every
// byte, bench/page_weight.py). Loaded with <script type="module">, so it runs only in the
// browsers GOV.UK Frontend supports; the site works without it. The site's CSP forbids inline
// script, so the body classes GOV.UK's page template sets inline are set here, before the
// components start (they check for govuk-frontend-supported).
//
// A template that starts using another component's data-module must add it here;
// tests/test_ctu_site/test_frontend.py fails on a data-module the bundle does not start.
import {
  Button,
  CharacterCount,
  Checkboxes,
  createAll,
  ErrorSummary,
  ExitThisPage,
  NotificationBanner,
  Radios,
  SkipLink,
} from "govuk-frontend";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
for (const Component of [
  Button,
  CharacterCount,
  Checkboxes,
  ErrorSummary,
  ExitThisPage,
  NotificationBanner,
  Radios,
  SkipLink,
]) {
  createAll(Component);
}
