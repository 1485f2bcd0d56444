/**
 * Anytown's example repairs catalogue (about 100 leaves, English and Welsh): demo seed data the
 * API loads until a council loads its own (`REPAIRS_CATALOGUE_FILE`). The document is the one
 * `@council-kit/contracts/fixtures` publishes for stories and tests, so the demo API, the
 * pattern library and the end-to-end suites show the same catalogue. Only seeds import it.
 */
export { anytownRepairCatalogue as exampleRepairCatalogue } from '@council-kit/contracts/fixtures';
