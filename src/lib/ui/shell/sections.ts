// The app's eight sections, in the order of the left rail; the first four are the bottom tabs.

export interface Section {
	href: string;
	label: string;
	/** SVG path (24×24 viewBox). */
	icon: string;
	tab: boolean;
}

export const SECTIONS: Section[] = [
	{ href: '/', label: 'Products', tab: true, icon: 'M3 7l9-4 9 4-9 4-9-4zm0 5l9 4 9-4M3 17l9 4 9-4' },
	{ href: '/count', label: 'Stock take', tab: true, icon: 'M4 5v14M8 5v14M11 5v14M15 5v14M20 5v14M17 5v14' },
	{ href: '/import', label: 'Import', tab: true, icon: 'M12 3v12m0 0l-4-4m4 4l4-4M4 17v3h16v-3' },
	{ href: '/export', label: 'Export', tab: true, icon: 'M12 15V3m0 0L8 7m4-4l4 4M4 17v3h16v-3' },
	{ href: '/sources', label: 'Sources', tab: false, icon: 'M4 21V9l8-5 8 5v12M9 21v-6h6v6' },
	{ href: '/magento', label: 'Magento', tab: false, icon: 'M4 20V8l8-4 8 4v12M8 20v-8l4 3 4-3v8' },
	{ href: '/history', label: 'History', tab: false, icon: 'M12 7v5l3 3M3 12a9 9 0 1 0 3-6.7M3 4v4h4' },
	{
		href: '/settings',
		label: 'Settings',
		tab: false,
		icon: 'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM4 12h2m12 0h2M12 4v2m0 12v2'
	}
];

/** The sections behind the `More` tab on narrow screens. */
export const MORE_SECTIONS: Section[] = SECTIONS.filter((s) => !s.tab);

/**
 * Which section a path belongs to (`/products/X` is Products, `/sources/x` is Sources), or null for a
 * path no section owns: a page that does not exist must not claim to be Products.
 */
export function sectionOf(path: string): Section | null {
	// Labels are printed from the Products grid or a product's page, so they belong to Products.
	if (path === '/' || path.startsWith('/products/') || path === '/labels') return SECTIONS[0];
	return SECTIONS.find((s) => s.href !== '/' && (path === s.href || path.startsWith(`${s.href}/`))) ?? null;
}
