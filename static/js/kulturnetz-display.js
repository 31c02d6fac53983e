/*
 * Kulturnetz shop-window display (templates/kulturnetz/event_index_page_display.html).
 * Fetches its own address every data-refresh-seconds and swaps the list and the "Stand" time
 * in place, so nothing flashes. When the server cannot be reached, the last list stays and the
 * next try comes sooner (30 s, then longer, up to the normal interval). Once a day, after a
 * successful fetch, the whole page reloads to pick up new styles. Plain ES2017, no libraries.
 */
(function () {
    'use strict';

    const LIST_ID = 'kn-display-list';
    const UPDATED_ID = 'kn-display-updated';
    const FIRST_RETRY_SECONDS = 30;
    const FULL_RELOAD_MS = 24 * 60 * 60 * 1000;

    const seconds = parseInt(document.body.getAttribute('data-refresh-seconds'), 10);
    if (!(seconds > 0)) {
        return;
    }
    const interval = seconds * 1000;
    const loadedAt = Date.now();
    let retry = Math.min(FIRST_RETRY_SECONDS * 1000, interval);

    function swap(id, fresh) {
        const current = document.getElementById(id);
        const incoming = fresh.getElementById(id);
        if (!current || !incoming || current.innerHTML === incoming.innerHTML) {
            return;
        }
        current.replaceWith(document.importNode(incoming, true));
    }

    function schedule(delay) {
        window.setTimeout(refresh, delay);
    }

    function refresh() {
        fetch(window.location.href, { cache: 'no-cache', credentials: 'same-origin' })
            .then((response) => {
                if (!response.ok) {
                    throw new Error(String(response.status));
                }
                return response.text();
            })
            .then((html) => {
                const fresh = new DOMParser().parseFromString(html, 'text/html');
                if (!fresh.getElementById(LIST_ID)) {
                    throw new Error('no list');
                }
                if (Date.now() - loadedAt > FULL_RELOAD_MS) {
                    window.location.reload();
                    return;
                }
                swap(LIST_ID, fresh);
                swap(UPDATED_ID, fresh);
                document.documentElement.removeAttribute('data-offline');
                retry = Math.min(FIRST_RETRY_SECONDS * 1000, interval);
                schedule(interval);
            })
            .catch(() => {
                // Keep what is shown; try again sooner, then less often.
                document.documentElement.setAttribute('data-offline', '');
                schedule(retry);
                retry = Math.min(retry * 2, interval);
            });
    }

    schedule(interval);
})();
