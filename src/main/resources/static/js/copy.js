// The 复制 buttons: copy the text of the element named by data-copy. The Clipboard API
// needs a secure context (HTTPS or localhost); elsewhere the text is selected in a
// textarea and copied the old way, or left selected for Ctrl+C.
(function () {
	'use strict';

	function say(button, message) {
		var status = button.closest('section').querySelector('.copied');
		if (status) {
			status.textContent = message;
		}
	}

	function fallback(button, source) {
		source.classList.add('shown');
		source.removeAttribute('aria-hidden');
		source.focus();
		source.select();
		var copied = false;
		try {
			copied = document.execCommand('copy');
		}
		catch (e) {
			copied = false;
		}
		if (copied) {
			source.classList.remove('shown');
			say(button, '已复制');
		}
		else {
			say(button, '浏览器不允许自动复制，文字已选中，请按 Ctrl+C 复制');
		}
	}

	document.querySelectorAll('button[data-copy]').forEach(function (button) {
		button.addEventListener('click', function () {
			var source = document.getElementById(button.dataset.copy);
			var text = source.value;
			if (navigator.clipboard && window.isSecureContext) {
				navigator.clipboard.writeText(text).then(function () {
					say(button, '已复制');
				}, function () {
					fallback(button, source);
				});
			}
			else {
				fallback(button, source);
			}
		});
	});
})();
