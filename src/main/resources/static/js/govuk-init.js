// Starts GOV.UK Frontend's components (skip link, error summary, notification banner, service
// navigation, checkboxes, radios, buttons) from the same-origin WebJar: a module, so that the CSP
// can stay script-src 'self' without the inline snippet GOV.UK's own page template uses.
import { initAll } from "../webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
