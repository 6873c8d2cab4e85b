// Whether the tab bar's `More` menu is open. One instance for the shell: the nav opens it, and the
// keyboard shortcuts and taps outside close it.

export class MoreMenu {
	open = $state(false);

	toggle() {
		this.open = !this.open;
	}

	close() {
		this.open = false;
	}
}
