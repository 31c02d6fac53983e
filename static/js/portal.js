/*
 * Haus am Westbahnhof – small progressive enhancements.
 * Plain ES2017, no libraries. Nothing is requested from third parties until a visitor clicks.
 */
(function () {
    'use strict';

    // (a) Let the stylesheet know that scripts run.
    document.documentElement.classList.add('js');

    // (b) The phone menu is a <details> that works without script and is closed from the
    //     first paint (nothing moves while the page loads). Script only adds: Escape closes
    //     it and gives the focus back to its summary.
    function initMenu() {
        const menu = document.getElementById('site-menu');
        if (!menu || menu.tagName !== 'DETAILS') {
            return;
        }
        const summary = menu.querySelector('summary');
        document.addEventListener('keydown', (event) => {
            if (event.key !== 'Escape' || !menu.open) {
                return;
            }
            menu.open = false;
            // Only move focus if the summary is actually shown (small screens).
            if (summary && summary.getClientRects().length > 0) {
                summary.focus();
            }
        });
    }

    // (c) Two-click video embeds: load the player only after an explicit click.
    const ALLOWED_EMBED_PREFIXES = [
        'https://www.youtube-nocookie.com/',
        'https://player.vimeo.com/',
    ];

    function isAllowedEmbed(src) {
        if (typeof src !== 'string' || src.trim() !== src) {
            return false;
        }
        if (!ALLOWED_EMBED_PREFIXES.some((prefix) => src.startsWith(prefix))) {
            return false;
        }
        // Belt and braces: the parsed URL must still point to the same origin.
        try {
            const url = new URL(src);
            return ALLOWED_EMBED_PREFIXES.some((prefix) => url.origin + '/' === prefix);
        } catch (error) {
            return false;
        }
    }

    function loadVideo(container) {
        const src = container.getAttribute('data-video-embed');
        if (!isAllowedEmbed(src)) {
            return;
        }
        const iframe = document.createElement('iframe');
        iframe.setAttribute('src', src);
        iframe.setAttribute('title', container.getAttribute('data-video-title') || 'Video');
        iframe.setAttribute('allow', 'autoplay; fullscreen; picture-in-picture');
        iframe.setAttribute('allowfullscreen', '');
        iframe.setAttribute('loading', 'lazy');
        iframe.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');

        while (container.firstChild) {
            container.removeChild(container.firstChild);
        }
        container.appendChild(iframe);
        container.classList.add('video-consent--loaded');
        iframe.focus();
    }

    function initVideos() {
        const containers = document.querySelectorAll('.video-consent[data-video-embed]');
        Array.prototype.forEach.call(containers, (container) => {
            const button = container.querySelector('.video-consent__button');
            if (!button) {
                return;
            }
            if (!isAllowedEmbed(container.getAttribute('data-video-embed'))) {
                // Unknown provider: offer only the direct link that is already in the notice.
                button.hidden = true;
                return;
            }
            button.addEventListener('click', () => loadVideo(container));
        });
    }

    // (d) Share: "copy link" button. Without script (or without the Clipboard API) the
    //     button stays hidden and the readonly URL field next to it remains the way to copy.
    const COPIED_LABEL_MS = 3000;

    function initCopyLinks() {
        if (!navigator.clipboard || typeof navigator.clipboard.writeText !== 'function') {
            return;
        }
        const buttons = document.querySelectorAll('.share__copy[data-copy-url]');
        Array.prototype.forEach.call(buttons, (button) => {
            const url = button.getAttribute('data-copy-url');
            if (!url) {
                return;
            }
            const label = button.textContent;
            const copiedLabel = button.getAttribute('data-copied-label') || label;

            // Polite live region next to the button; it must exist before its text changes.
            const status = document.createElement('span');
            status.className = 'visually-hidden';
            status.setAttribute('aria-live', 'polite');
            button.insertAdjacentElement('afterend', status);

            let timer = null;
            const reset = () => {
                button.textContent = label;
                status.textContent = '';
                timer = null;
            };

            button.addEventListener('click', () => {
                navigator.clipboard.writeText(url).then(() => {
                    if (timer) {
                        window.clearTimeout(timer);
                    }
                    button.textContent = copiedLabel;
                    status.textContent = copiedLabel;
                    timer = window.setTimeout(reset, COPIED_LABEL_MS);
                }).catch(() => {
                    // Permission denied or not focused: select the URL for manual copying.
                    const field = button.parentNode.querySelector('.share__url input');
                    if (field) {
                        field.focus();
                        field.select();
                    }
                });
            });
            button.hidden = false;
        });
    }

    initMenu();
    initVideos();
    initCopyLinks();
}());
