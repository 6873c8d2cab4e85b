// The typed surface of the Magento test double (double.mjs), for the TypeScript tests.

export const TOKEN: string;
export const ALL_RESOURCES: string[];

export interface DoubleSourceItem {
	sku: string;
	source_code: string;
	quantity: number;
	status: number;
}

export interface DoubleSwitches {
	cors: boolean;
	bearerAllowed: boolean;
	resources: string[];
	msi: boolean;
	inputLimits: boolean;
	maxPageSize: number;
	maxArrayItems: number;
	pastLastPage: 'empty' | 'repeat';
	cutAfterBatches: number | null;
	applyBeforeCut: boolean;
	fail500: number;
}

export interface DoubleState {
	switches: DoubleSwitches;
	sources: { source_code: string; name: string; enabled: boolean }[];
	products: string[];
	items: DoubleSourceItem[];
	requests: Record<string, number>;
	writeBatches: number;
}

export interface SeedData {
	sources?: { source_code: string; name: string; enabled?: boolean }[];
	products?: string[];
	items?: DoubleSourceItem[];
	generate?: { count: number; sources: string[]; prefix?: string };
}

export function startMagentoDouble(options?: {
	port?: number;
	host?: string;
}): Promise<{ url: string; token: string; close(): Promise<void> }>;

export function parseSearchCriteria(params: URLSearchParams): unknown;

export function controlDouble(url: string): {
	reset(): Promise<unknown>;
	seed(data: SeedData): Promise<unknown>;
	switches(values: Partial<DoubleSwitches>): Promise<unknown>;
	setItems(
		set: Partial<DoubleSourceItem>[],
		remove?: { sku: string; source_code: string }[]
	): Promise<unknown>;
	state(): Promise<DoubleState>;
	state(itemsAsCount: true): Promise<Omit<DoubleState, 'items'> & { items: number }>;
};
