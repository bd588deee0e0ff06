// Follows the runs that are going: asks the server every two seconds and shows the
// counts; reloads the page when a run has ended.
(function () {
	'use strict';
	var base = document.querySelector('meta[name="api-runs"]').content;

	function duration(seconds) {
		if (seconds === null || seconds === undefined) {
			return '—';
		}
		if (seconds < 60) {
			return seconds + '秒';
		}
		var pad = function (n) { return (n < 10 ? '0' : '') + n; };
		if (seconds < 3600) {
			return Math.floor(seconds / 60) + '分' + pad(seconds % 60) + '秒';
		}
		return Math.floor(seconds / 3600) + '小时' + pad(Math.floor((seconds % 3600) / 60)) + '分';
	}

	function show(element, run) {
		var values = {
			statusText: run.statusText,
			phase: run.phase || '',
			filesRead: run.filesRead,
			filesTotal: run.filesTotal,
			rowsAccepted: run.rowsAccepted,
			rowsRejected: run.rowsRejected,
			rowsSuperseded: run.rowsSuperseded,
			rowsSkipped: run.rowsSkipped,
			unitsMissing: run.unitsMissing === null ? '—' : run.unitsMissing,
			duration: duration(run.durationSeconds)
		};
		element.querySelectorAll('[data-field]').forEach(function (field) {
			if (Object.prototype.hasOwnProperty.call(values, field.dataset.field)) {
				field.textContent = values[field.dataset.field];
			}
		});
		var bar = element.querySelector('.bar');
		if (bar && run.filesTotal > 0) {
			bar.style.width = Math.min(100, Math.round(run.filesRead * 100 / run.filesTotal)) + '%';
		}
	}

	function follow(element) {
		var url = base + '/' + encodeURIComponent(element.dataset.runId);
		fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' } })
			.then(function (response) {
				if (response.status === 401) {
					window.location.reload();
					return null;
				}
				return response.ok ? response.json() : null;
			})
			.then(function (run) {
				if (run) {
					show(element, run);
					if (!run.running) {
						window.setTimeout(function () { window.location.reload(); }, 800);
						return;
					}
				}
				window.setTimeout(function () { follow(element); }, 2000);
			})
			.catch(function () {
				window.setTimeout(function () { follow(element); }, 5000);
			});
	}

	document.querySelectorAll('[data-run-id][data-running="true"]').forEach(follow);
})();
