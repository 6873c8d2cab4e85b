// The SHA-256 of text (as UTF-8) or of bytes, as lower-case hex: the backup's checksum (Web Crypto).

export async function sha256Hex(data: string | ArrayBuffer): Promise<string> {
	const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
	const digest = await crypto.subtle.digest('SHA-256', bytes);
	return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
