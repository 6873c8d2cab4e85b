// The last mass action's result, shown in the product page's status region (the toast that also
// carries it disappears after ten seconds; the status stays until the next action).

class LastMassActionResult {
	message = $state('');
}

export const lastMassActionResult = new LastMassActionResult();
