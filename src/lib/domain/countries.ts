// Countries as Magento stores them on a source: the ISO 3166-1 alpha-2 code (`DE`), nothing else.
// People choose by name; the names come from the runtime's own locale data (Intl), so the list of
// codes is the only thing kept here. Officially assigned codes only: user-assigned ones such as `XK`
// are not ISO 3166-1 codes and Magento may not know them.

const CODES = (
	'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT ' +
	'BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ' +
	'ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT ' +
	'HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS ' +
	'LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI ' +
	'NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG ' +
	'SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
	'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

/** The 249 officially assigned ISO 3166-1 alpha-2 codes. */
export const COUNTRY_CODES: ReadonlySet<string> = new Set(CODES);

const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** The English name of a country code (`DE` → `Germany`); the code itself where none is known. */
export function countryName(code: string): string {
	return names.of(code) ?? code;
}

/** Every country as the Country list offers it, sorted by name. */
export function countryChoices(): { code: string; name: string }[] {
	return CODES.map((code) => ({ code, name: countryName(code) })).sort((a, b) =>
		a.name.localeCompare(b.name, 'en')
	);
}

/** The problem with a source's country, or null: empty (no country) or an ISO 3166-1 alpha-2 code. */
export function countryProblem(country: string): string | null {
	if (country === '' || COUNTRY_CODES.has(country)) return null;
	const typed = country.trim();
	const meant = COUNTRY_CODES.has(typed.toUpperCase())
		? typed.toUpperCase()
		: CODES.find((code) => countryName(code).toLowerCase() === typed.toLowerCase());
	const hint = meant
		? ` Did you mean ${meant} (${countryName(meant)})?`
		: ' Choose the country from the list.';
	return `Country "${typed}" is not an ISO 3166-1 alpha-2 country code.${hint}`;
}
