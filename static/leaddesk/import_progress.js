// A lead import's page follows its job: the status endpoint is polled each
// second, its figures written into the page, and the page reloaded once
// the import is finished to show its result and downloads.
"use strict";
(function () {
    const box = document.getElementById("import-status");
    if (!box) {
        return;
    }
    const bar = box.querySelector("progress");
    function show(state) {
        for (const cell of box.querySelectorAll("[data-field]")) {
            const value = state[cell.dataset.field];
            if (value !== undefined) {
                cell.textContent = value;
            }
        }
        bar.max = state.total_rows || 1;
        bar.value = state.rows_done;
    }
    function poll() {
        fetch(box.dataset.statusUrl, {credentials: "same-origin"})
            .then(function (response) { return response.json(); })
            .then(function (state) {
                show(state);
                if (state.finished) {
                    window.location.reload();
                } else {
                    window.setTimeout(poll, 1000);
                }
            })
            .catch(function () { window.setTimeout(poll, 5000); });
    }
    window.setTimeout(poll, 1000);
}());
