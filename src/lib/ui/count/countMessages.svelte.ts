// The Stock take page's last word: a result (shown in role=status) or a failure or flag (role=alert).
// One at a time, so an old error never sits next to a newer success.

export class CountMessages {
	message = $state('');
	alert = $state('');

	say(message: string) {
		this.message = message;
		this.alert = '';
	}

	fail(message: string) {
		this.alert = message;
		this.message = '';
	}
}
