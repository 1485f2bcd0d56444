// "Find local services": the page imports the directory search from npm, as a council's own
// build would. Registering it upgrades <council-directory-search>: its light-DOM fallback (a
// phone number and the contact page, for residents without JavaScript) gives way to the search
// form over the council's Open Referral UK feed (`api-base`, from VITE_ORUK_BASE). The search,
// except the postcode, is kept in the page URL, so Back, Forward and shared links work; each
// result links to /local-services/service/?id=…
import '@council-kit/directory/directory-search';
