// Retail codes (GTINs) are one number written in several lengths: a UPC-A `036000291452`, its EAN-13
// form `0036000291452` and the GTIN-14 `00036000291452` name the same product, and a spreadsheet that
// dropped the leading zero (`36000291452`) still means it. UPC-E is a compressed UPC-A. So codes are
// compared by their keys: every GTIN reading of a code left-padded to 14 digits, or the code itself when
// it is no GTIN. The same keys serve typed codes, keyboard scanners, the camera and stored barcodes.

/** The GTIN check digit of `digits` (all but the check digit), weights 3,1,3,… from the right. */
export function gtinCheckDigit(digits: string): number {
	let sum = 0;
	for (let i = 0; i < digits.length; i++) {
		const digit = digits.charCodeAt(digits.length - 1 - i) - 48;
		sum += i % 2 === 0 ? digit * 3 : digit;
	}
	return (10 - (sum % 10)) % 10;
}

/** True when the last digit of an all-digit code is its GTIN check digit. */
export function hasValidCheckDigit(code: string): boolean {
	return /^\d{2,}$/.test(code) && gtinCheckDigit(code.slice(0, -1)) === code.charCodeAt(code.length - 1) - 48;
}

/**
 * The UPC-A a UPC-E code stands for (number system 0 or 1, six digits, check digit), or null when the
 * code is no valid UPC-E. The check digit of a UPC-E is the one of its UPC-A.
 */
export function expandUpcE(code: string): string | null {
	if (!/^[01]\d{7}$/.test(code)) return null;
	const system = code[0];
	const d = code.slice(1, 7);
	const check = code[7];
	const last = d[5];
	let body: string;
	if (last <= '2') body = `${d[0]}${d[1]}${last}0000${d[2]}${d[3]}${d[4]}`;
	else if (last === '3') body = `${d[0]}${d[1]}${d[2]}00000${d[3]}${d[4]}`;
	else if (last === '4') body = `${d[0]}${d[1]}${d[2]}${d[3]}00000${d[4]}`;
	else body = `${d[0]}${d[1]}${d[2]}${d[3]}${d[4]}0000${last}`;
	const upcA = `${system}${body}${check}`;
	return hasValidCheckDigit(upcA) ? upcA : null;
}

/** GTIN-8, -12, -13 and -14 (and those with leading zeros lost: 8 to 14 digits) with a valid check digit. */
function gtin14(code: string): string | null {
	if (!/^\d{8,14}$/.test(code) || !hasValidCheckDigit(code)) return null;
	return code.padStart(14, '0');
}

/**
 * Every key a code matches on, the most likely reading first. An 8-digit code can be an EAN-8 and a
 * UPC-E at once (their check digits are computed differently, so usually only one is valid); when both
 * are, both keys are kept so that neither reading is lost.
 */
export function barcodeKeys(raw: string): string[] {
	const code = raw.trim();
	const keys: string[] = [];
	const plain = gtin14(code);
	if (plain) keys.push(plain);
	const upcA = code.length === 8 ? expandUpcE(code) : null;
	if (upcA) keys.push(upcA.padStart(14, '0'));
	return keys.length > 0 ? keys : [code];
}

/** The one key that names a code: two codes with the same key are the same product. */
export function barcodeKey(raw: string): string {
	return barcodeKeys(raw)[0];
}
