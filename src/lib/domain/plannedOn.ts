// What a user confirmed a mass action on: the number of products the selection held and, for
// Unassign, the figures the confirmation stated. When another tab or device changed the selection
// before the action ran, it is refused with the new figures rather than run on data the user never saw.

import type { UnassignCounts } from './massActions';
import type { Product } from './types';
import { formatCount } from './wording';

export interface PlannedOn {
	products: number;
	unassign?: Pick<UnassignCounts, 'items' | 'units'>;
}

/** A message saying what changed since the user looked, or null when the plan still stands. */
export function staleSelection(
	seen: PlannedOn,
	products: readonly Product[],
	unassign?: Pick<UnassignCounts, 'items' | 'units'>
): string | null {
	if (products.length !== seen.products)
		return `The selection changed in another tab or device: it now holds ${formatCount(products.length, 'product')}, not ${seen.products}. Nothing was changed: check the selection and try again.`;
	const before = seen.unassign;
	if (before && unassign && (before.items !== unassign.items || before.units !== unassign.units))
		return `Another tab or device changed the selected products: this now removes ${removal(unassign)}, not ${removal(before)}. Nothing was changed: check the new figures and confirm again.`;
	return null;
}

function removal(counts: Pick<UnassignCounts, 'items' | 'units'>): string {
	return `${formatCount(counts.items, 'source item')} holding ${formatCount(counts.units, 'unit')}`;
}
