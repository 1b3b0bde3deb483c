// The dashboard's service worker (served at /sw.js, so it may show notifications for the whole site): shows each
// Web Push notification the server sends (a JSON {title, body, url, tag}) and opens its URL, on this site only, when
// the notification is clicked.
'use strict';

self.addEventListener('push', function (event) {
    var data = {};
    try {
        data = event.data ? event.data.json() : {};
    } catch (e) {
        data = {};
    }
    event.waitUntil(self.registration.showNotification(data.title || 'Antechamber', {
        body: data.body || '',
        tag: data.tag,
        data: {url: data.url || '/'}
    }));
});

self.addEventListener('notificationclick', function (event) {
    event.notification.close();
    var url = new URL((event.notification.data && event.notification.data.url) || '/', self.location.origin);
    if (url.origin !== self.location.origin) {
        url = new URL('/', self.location.origin);
    }
    event.waitUntil(self.clients.matchAll({type: 'window', includeUncontrolled: true}).then(function (windows) {
        for (var i = 0; i < windows.length; i++) {
            if (windows[i].url === url.href && 'focus' in windows[i]) {
                return windows[i].focus();
            }
        }
        return self.clients.openWindow(url.href);
    }));
});
