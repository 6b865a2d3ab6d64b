// Progressive enhancement: static pages cannot know how long ago something happened when they are
// read, so they print the absolute UTC time and this adds "22 h ago" in front of it.
(() => {
	const now = Date.now();
	for (const el of document.querySelectorAll('time[data-ago]')) {
		const ms = now - Date.parse(el.getAttribute('datetime'));
		if (!Number.isFinite(ms) || ms < 0) continue;
		const minutes = Math.floor(ms / 60000);
		const text =
			minutes < 1
				? 'just now'
				: minutes < 60
					? `${minutes} min ago`
					: minutes < 2880
						? `${Math.floor(minutes / 60)} h ago`
						: `${Math.floor(minutes / 1440)} days ago`;
		el.textContent = `${text} (${el.textContent})`;
	}
})();
