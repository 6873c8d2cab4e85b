// The Web Worker entry: one engine per tab, exposed through Comlink.

import * as Comlink from 'comlink';
import { createEngine } from './api';
import { Store } from './store';

Comlink.expose(createEngine(new Store()));
