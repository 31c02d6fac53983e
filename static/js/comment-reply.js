/*
 * Haus am Westbahnhof – answering a comment where it stands.
 *
 * Behaves like the reply of a WordPress blog: "Antworten" moves the page's one comment form
 * below that comment, names whom you answer in its heading and sets the hidden parent field;
 * "Antwort abbrechen" puts the form back where it was. No page is loaded. Without script the
 * links lead to ?antwort=<id>#kommentar-formular, where the server prepares the same form.
 *
 * Markup (templates/comments/includes/): the form's section has [data-comment-form], its
 * heading [data-comment-form-heading] (data-default-heading), the cancel link's paragraph
 * [data-comment-form-cancel]; each reply link has [data-reply-to] and [data-reply-heading].
 */
(function () {
    'use strict';

    function init() {
        const section = document.querySelector('[data-comment-form]');
        if (!section) {
            return;
        }
        const form = section.querySelector('form');
        const heading = section.querySelector('[data-comment-form-heading]');
        const cancel = section.querySelector('[data-comment-form-cancel]');
        const parentField = form && form.querySelector('input[name="parent"]');
        const textField = form && form.querySelector('textarea[name="text"]');
        if (!form || !heading || !cancel || !parentField || !textField) {
            return;
        }
        const cancelLink = cancel.querySelector('a');
        const defaultHeading = heading.getAttribute('data-default-heading');

        // Marks the form's own place, so cancelling can bring it back.
        const home = document.createElement('div');
        home.hidden = true;
        section.parentNode.insertBefore(home, section);

        let openedBy = null;

        function reply(link) {
            const comment = document.getElementById(link.getAttribute('data-reply-anchor'));
            const article = comment && comment.querySelector('article');
            if (!article) {
                return false;
            }
            article.insertAdjacentElement('afterend', section);
            parentField.value = link.getAttribute('data-reply-to');
            heading.textContent = link.getAttribute('data-reply-heading');
            cancel.hidden = false;
            openedBy = link;
            textField.focus();
            return true;
        }

        function cancelReply() {
            home.parentNode.insertBefore(section, home);
            parentField.value = '';
            heading.textContent = defaultHeading;
            cancel.hidden = true;
            // Back to where the visitor started: the reply link that opened the form (or, when
            // the server prepared the reply, that comment's link), else the form's heading.
            const serverParent = /^[0-9]+$/.test(parentField.defaultValue) ? parentField.defaultValue : '';
            const target = openedBy
                || (serverParent && document.querySelector('a[data-reply-to="' + serverParent + '"]'));
            openedBy = null;
            if (target) {
                target.focus();
            } else {
                heading.setAttribute('tabindex', '-1');
                heading.focus();
            }
        }

        document.addEventListener('click', (event) => {
            if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
                return;
            }
            const link = event.target.closest('a[data-reply-to]');
            if (link && reply(link)) {
                event.preventDefault();
            }
        });

        if (cancelLink) {
            cancelLink.addEventListener('click', (event) => {
                event.preventDefault();
                cancelReply();
            });
        }
    }

    init();
}());
