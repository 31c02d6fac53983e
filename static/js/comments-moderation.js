/*
 * The comment list's buttons without a page load (Stimulus controller "comment-moderation").
 *
 * Every button is a plain form that works without this script. With it, the form is sent with
 * fetch and answered with JSON: the row is replaced by the server's notice ("… als Spam
 * markiert. Rückgängig"), the status tabs get their new numbers, and focus moves to the
 * notice's first button. "Rückgängig" puts the row back as it was. If anything unexpected
 * happens, the form is sent the ordinary way.
 */
(() => {
  const { Controller } = window.StimulusModule;

  class CommentModerationController extends Controller {
    connect() {
      // The original cells of rows that show a notice, to put back on undo.
      this.stashed = new Map();
    }

    async submit(event) {
      const form = event.target.closest('form[data-comment-action]');
      if (!form || form.dataset.plain === 'true') return;
      event.preventDefault();
      const row = form.closest('tr');
      const body = new FormData(form, event.submitter || undefined);
      this.setBusy(row, true);
      let response;
      let data;
      try {
        response = await fetch(form.action, {
          method: 'POST',
          body,
          credentials: 'same-origin',
          headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
        });
        data = await response.json();
      } catch (error) {
        this.sendPlain(form, event.submitter);
        return;
      } finally {
        this.setBusy(row, false);
      }
      if (!response.ok || !data.ok) {
        this.showError(form, data.error);
        return;
      }
      if (form.dataset.commentAction === 'undo') {
        this.restore(row);
      } else {
        this.showNotice(row, data.notice);
      }
      this.updateCounts(data.counts);
    }

    showNotice(row, html) {
      if (!this.stashed.has(row)) {
        this.stashed.set(row, { cells: Array.from(row.children), className: row.className });
      }
      const cell = document.createElement('td');
      cell.colSpan = this.stashed.get(row).cells.length;
      cell.className = 'comment-moderation-notice-cell';
      const notice = document.createElement('div');
      notice.className = 'comment-moderation-notice';
      notice.setAttribute('role', 'status');
      notice.innerHTML = html;
      cell.append(notice);
      row.replaceChildren(cell);
      row.className = 'comment-row comment-row--notice';
      const focusable = notice.querySelector('button, a');
      if (focusable) focusable.focus();
    }

    restore(row) {
      const stashed = this.stashed.get(row);
      if (!stashed) {
        window.location.reload();
        return;
      }
      this.stashed.delete(row);
      row.replaceChildren(...stashed.cells);
      row.className = stashed.className;
      const first = row.querySelector('.comment-moderation-actions button');
      if (first) first.focus();
    }

    showError(form, message) {
      const scope = form.closest('.comment-moderation-actions, .comment-moderation-notice') || form;
      const target = form.querySelector('[data-comment-error]') || scope.querySelector('[data-comment-error]');
      if (!target) return;
      target.textContent = message || '';
      target.hidden = !message;
      target.setAttribute('role', 'alert');
    }

    sendPlain(form, submitter) {
      form.dataset.plain = 'true';
      form.requestSubmit(submitter || undefined);
    }

    setBusy(row, busy) {
      if (!row) return;
      row.setAttribute('aria-busy', busy ? 'true' : 'false');
      row.querySelectorAll('button').forEach((button) => {
        button.disabled = busy;
      });
    }

    updateCounts(counts) {
      if (!counts) return;
      document.querySelectorAll('[data-comment-count]').forEach((element) => {
        const count = counts[element.dataset.commentCount];
        if (count !== undefined) element.textContent = String(count);
      });
    }
  }

  window.wagtail.app.register('comment-moderation', CommentModerationController);
})();
