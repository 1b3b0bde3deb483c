// The dashboard's only script of its own: no inline script is allowed (Content-Security-Policy), so behaviour the
// pages need beyond htmx's attributes is attached here.
(function () {
    'use strict';

    // Every htmx request carries the session's CSRF token, as forms do in their _csrf field.
    document.addEventListener('htmx:configRequest', function (event) {
        var meta = document.querySelector('meta[name="csrf-token"]');
        if (meta) {
            event.detail.headers['X-CSRF-Token'] = meta.content;
        }
    });
})();
