// Printable labels: which barcode each product gets, and where each label sits on the paper. Sizes are
// in millimetres, for the browser's print dialog (CSS `@page` and absolute mm positions).

import { hasValidCheckDigit } from '../barcode/gtin';

export type LabelFormat = 'a4' | 'letter' | 'roll62';

export interface SheetSpec {
	label: string;
	pageWidth: number;
	pageHeight: number;
	columns: number;
	rows: number;
	labelWidth: number;
	labelHeight: number;
	/** Page edge to the first label. */
	marginLeft: number;
	marginTop: number;
	/** Space between labels side by side / one above the other. */
	gapX: number;
	gapY: number;
}

/**
 * A4: the common 3 × 8 sheet of 70 × 37 mm labels with no margins (Avery 3474 and alike).
 * Letter: 3 × 10 labels of 66.7 × 25.4 mm, 2.625 × 1 in (Avery 5160).
 * 62 mm roll: one 62 × 29 mm label per page (Brother DK-11209 and the continuous 62 mm roll).
 */
export const SHEETS: Record<LabelFormat, SheetSpec> = {
	a4: {
		label: 'A4 sheet, 3 × 8 labels (70 × 37 mm)',
		pageWidth: 210,
		pageHeight: 297,
		columns: 3,
		rows: 8,
		labelWidth: 70,
		labelHeight: 37,
		marginLeft: 0,
		marginTop: 0.5,
		gapX: 0,
		gapY: 0
	},
	letter: {
		label: 'Letter sheet, 3 × 10 labels (2.63 × 1 in)',
		pageWidth: 215.9,
		pageHeight: 279.4,
		columns: 3,
		rows: 10,
		labelWidth: 66.675,
		labelHeight: 25.4,
		marginLeft: 4.7625,
		marginTop: 12.7,
		gapX: 3.175,
		gapY: 0
	},
	roll62: {
		label: 'Label printer, 62 mm roll (62 × 29 mm)',
		pageWidth: 62,
		pageHeight: 29,
		columns: 1,
		rows: 1,
		labelWidth: 62,
		labelHeight: 29,
		marginLeft: 0,
		marginTop: 0,
		gapX: 0,
		gapY: 0
	}
};

export interface PlacedLabel {
	/** Index of the product in the list given. */
	index: number;
	x: number;
	y: number;
	width: number;
	height: number;
}

/** The pages of labels for `count` products: label i goes on page ⌊i / perPage⌋, row by row. */
export function layoutLabels(format: LabelFormat, count: number): PlacedLabel[][] {
	const sheet = SHEETS[format];
	const perPage = sheet.columns * sheet.rows;
	const pages: PlacedLabel[][] = [];
	for (let index = 0; index < count; index++) {
		const slot = index % perPage;
		if (slot === 0) pages.push([]);
		const column = slot % sheet.columns;
		const row = Math.floor(slot / sheet.columns);
		pages[pages.length - 1].push({
			index,
			x: round(sheet.marginLeft + column * (sheet.labelWidth + sheet.gapX)),
			y: round(sheet.marginTop + row * (sheet.labelHeight + sheet.gapY)),
			width: sheet.labelWidth,
			height: sheet.labelHeight
		});
	}
	return pages;
}

function round(mm: number): number {
	return Math.round(mm * 1000) / 1000;
}

/** A barcode to draw: the symbology (bwip-js names) and the text it encodes. */
export interface LabelSymbol {
	bcid: 'ean13' | 'upca' | 'ean8' | 'code128' | 'qrcode';
	text: string;
}

/**
 * The product's first barcode in its own symbology (EAN-13, UPC-A, EAN-8 when it is a valid one), any
 * other first barcode as Code 128; with no barcode, a Code 128 of the SKU, which the stock take finds
 * as a SKU. Text Code 128 cannot hold (beyond ASCII) goes into a QR code.
 */
export function labelSymbol(product: { sku: string; barcodes: readonly string[] }): LabelSymbol {
	const code = product.barcodes[0] ?? product.sku;
	if (product.barcodes.length > 0 && hasValidCheckDigit(code)) {
		if (code.length === 13) return { bcid: 'ean13', text: code };
		if (code.length === 12) return { bcid: 'upca', text: code };
		if (code.length === 8) return { bcid: 'ean8', text: code };
	}
	return /^[\x20-\x7e]+$/.test(code) ? { bcid: 'code128', text: code } : { bcid: 'qrcode', text: code };
}
