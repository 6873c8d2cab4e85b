// What the bench takes from the app itself (loaded by app.mjs through Vite's module runner), so that
// it never measures against stale copies of the app's names, defaults and messages.
export { ALL_PRODUCTS } from '$lib/domain/productQuery';
export { NO_FILTERS } from '$lib/domain/csv/exportFormat';
export { DEFAULT_IMPORT_OPTIONS, STOCK_SOURCE_COLUMNS } from '$lib/domain/csv/importOptions';
export { IMPORT_DONE, INVALID_VERDICT, VALID_VERDICT } from '$lib/domain/csv/messages';
export { SAMPLE_SOURCES, sampleProducts } from '$lib/domain/sampleData';
export { DEFAULT_SOURCE_CODE, newSource } from '$lib/domain/types';
