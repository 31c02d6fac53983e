// wagtail-localize's translation editor writes two strings without gettext: the heading
// "{source} to {target} translation" and the screen-reader label "More actions". This puts
// them through the admin's JavaScript catalogue. It does nothing outside that editor.
(() => {
  // Never called: it names the upstream strings whose German the portal's djangojs catalogue
  // overrides, so that makemessages keeps them.
  const overriddenUpstreamStrings = () => [
    gettext_noop("Download PO file"),
    gettext_noop("Download PO file and input translations offline"),
    gettext_noop("Upload PO file"),
    gettext_noop("Upload translated PO file to submit translations"),
    gettext_noop("Applying editor lock"),
    gettext_noop("Removing editor lock"),
    gettext_noop("Change %s"),
    gettext_noop("Choose a %s"),
    gettext_noop("Fetching %s information..."),
    gettext_noop("Publish in "),
    gettext_noop("Publishing..."),
    gettext_noop("Saving..."),
    gettext_noop("Uses %s version"),
    gettext_noop("Revert to %s version"),
    gettext_noop("There are unsaved segments. Please save or cancel them before leaving."),
    gettext_noop("Translate all missing strings with "),
  ];

  const start = () => {
    const editor = document.querySelector(".js-translation-editor");
    if (!editor || typeof window.gettext !== "function") {
      return;
    }
    const props = JSON.parse(editor.dataset.props || "{}");
    const source = props.sourceLocale && props.sourceLocale.displayName;
    const target = props.locale && props.locale.displayName;
    const replacements = new Map([
      ["More actions", gettext("Weitere Aktionen")],
    ]);
    if (source && target) {
      replacements.set(
        `${source} to ${target} translation`,
        interpolate(gettext("Übersetzung %(source)s → %(target)s"), { source, target }, true),
      );
    }
    const translate = () => {
      const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const replacement = replacements.get(node.data.trim());
        if (replacement !== undefined) {
          node.data = replacement;
        }
      }
    };
    translate();
    // React renders the editor after this runs and again when tabs change.
    new MutationObserver(translate).observe(editor, { childList: true, subtree: true });
  };

  // After the page's scripts, so the JavaScript catalogue (loaded after this file) is there.
  document.addEventListener("DOMContentLoaded", start);
})();
