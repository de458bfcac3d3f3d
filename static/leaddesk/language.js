// The admin's language switch: LocaleMiddleware reads this cookie first,
// so no server view is needed to remember the choice.
"use strict";
document.addEventListener("click", function (event) {
    const link = event.target.closest("a[data-language]");
    if (!link) {
        return;
    }
    event.preventDefault();
    const oneYear = 60 * 60 * 24 * 365;
    document.cookie = "django_language=" + link.dataset.language +
        "; path=/; max-age=" + oneYear + "; samesite=lax";
    window.location.reload();
});
