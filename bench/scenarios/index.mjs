// The scenarios, in the order they run. To add one, write bench/scenarios/<name>.mjs exporting
// `{ name, on, about, run }` (see bench/README.md) and list it here.
//   on: 'catalogue' runs on the shared page after the 200,000-product seed;
//       'fresh' gets no page and opens its own browser (it must not see the catalogue).

import camera from './camera.mjs';
import importExport from './importExport.mjs';
import magento from './magento.mjs';
import queries from './queries.mjs';
import scan from './scan.mjs';
import start from './start.mjs';
import transfer from './transfer.mjs';

export const SCENARIOS = [start, queries, scan, transfer, importExport, camera, magento];
