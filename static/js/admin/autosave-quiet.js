// Wagtail's autosave sends the form about half a second after each change. While a new post's
// required fields are still empty the server answers "validation error" and the indicator
// turns into a warning ("Automatisches Speichern pausiert"), though nobody has asked to save.
// This puts the indicator back to rest for validation errors only; autosave keeps trying on
// the next change, and saving by hand still shows every error next to its field.
document.addEventListener("w-autosave:error", (event) => {
    if (!event.detail || event.detail.type !== "validation_error") {
        return;
    }
    // After Wagtail's own indicator has reacted to the same event.
    window.setTimeout(() => {
        const indicator = document.getElementById("w-autosave-indicator");
        if (indicator) {
            indicator.setAttribute("data-w-autosave-state-value", "idle");
            indicator.setAttribute("data-w-tooltip-content-value", "");
        }
    });
});
