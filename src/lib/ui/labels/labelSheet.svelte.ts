// The labels page's state: the products, the paper, and each label's barcode drawn as SVG by bwip-js
// (loaded only here, in the browser, with no network).

import { labelSymbol, layoutLabels, type LabelFormat } from '$lib/domain/labels/labelLayout';
import { engine } from '$lib/ui/engine';
import type { LabelProduct } from '$lib/worker/labelCommands';
import type { LabelRequest } from './labelRequest';

const FORMAT_KEY = 'stockroom.labelFormat';

export interface DrawnLabel {
	product: LabelProduct;
	/** The code under the bars, as the barcode encodes it. */
	code: string;
	svg: string;
	/** Why no barcode could be drawn (a code its symbology cannot hold). */
	problem: string;
}

export class LabelSheet {
	format = $state<LabelFormat>('a4');
	labels = $state.raw<DrawnLabel[]>([]);
	total = $state(0);
	loaded = $state(false);
	pages = $derived(layoutLabels(this.format, this.labels.length));

	constructor() {
		const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(FORMAT_KEY);
		if (stored === 'a4' || stored === 'letter' || stored === 'roll62') this.format = stored;
	}

	setFormat(format: LabelFormat) {
		this.format = format;
		localStorage.setItem(FORMAT_KEY, format);
	}

	async load(request: LabelRequest) {
		const [{ products, total }, bwip] = await Promise.all([
			engine().labelProducts($state.snapshot(request) as LabelRequest),
			import('bwip-js/browser')
		]);
		this.labels = products.map((product) => draw(bwip, product));
		this.total = total;
		this.loaded = true;
	}
}

function draw(bwip: typeof import('bwip-js/browser'), product: LabelProduct): DrawnLabel {
	const symbol = labelSymbol(product);
	try {
		const svg = bwip.toSVG({
			bcid: symbol.bcid,
			text: symbol.text,
			scale: 2,
			...(symbol.bcid === 'qrcode' ? {} : { height: 12 }),
			includetext: symbol.bcid !== 'qrcode',
			textxalign: 'center',
			paddingwidth: symbol.bcid === 'qrcode' ? 2 : 10,
			paddingheight: 2
		});
		return { product, code: symbol.text, svg, problem: '' };
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return { product, code: symbol.text, svg: '', problem: `No barcode: ${message}` };
	}
}
