// "Enable notifications" (layout.html, shown only when the server has Web Push configured and the browser can do it):
// registers the service worker (/sw.js), subscribes with the server's VAPID key and sends the subscription to the
// dashboard, which stores it for the signed-in person.
(function () {
    'use strict';

    var button = document.getElementById('enable-notifications');
    if (!button || !('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) {
        return;
    }

    function csrfToken() {
        var meta = document.querySelector('meta[name="csrf-token"]');
        return meta ? meta.content : '';
    }

    function bytes(base64url) {
        var base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
        var raw = atob(base64 + '='.repeat((4 - base64.length % 4) % 4));
        var out = new Uint8Array(raw.length);
        for (var i = 0; i < raw.length; i++) {
            out[i] = raw.charCodeAt(i);
        }
        return out;
    }

    function vapidKey() {
        return fetch('/v1/push/vapid-public-key', {headers: {'Accept': 'application/json'}}).then(function (r) {
            if (!r.ok) {
                throw new Error('no VAPID key');
            }
            return r.json();
        }).then(function (body) {
            return bytes(body.data.public_key);
        });
    }

    function subscribe(registration) {
        return registration.pushManager.getSubscription().then(function (existing) {
            return existing || vapidKey().then(function (key) {
                return registration.pushManager.subscribe({userVisibleOnly: true, applicationServerKey: key});
            });
        });
    }

    function store(subscription) {
        var json = subscription.toJSON();
        return fetch('/push/subscriptions', {
            method: 'POST',
            credentials: 'same-origin',
            headers: {'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken()},
            body: JSON.stringify({endpoint: json.endpoint, keys: {p256dh: json.keys.p256dh, auth: json.keys.auth}})
        }).then(function (r) {
            if (!r.ok) {
                throw new Error('the subscription was refused');
            }
        });
    }

    function enable() {
        button.disabled = true;
        Notification.requestPermission().then(function (permission) {
            if (permission !== 'granted') {
                throw new Error('notifications not allowed');
            }
            return navigator.serviceWorker.register('/sw.js', {scope: '/'});
        }).then(function () {
            return navigator.serviceWorker.ready;
        }).then(subscribe).then(store).then(function () {
            button.textContent = 'Notifications on';
        }).catch(function () {
            button.disabled = false;
            button.textContent = 'Enable notifications (did not work; try again)';
        });
    }

    button.hidden = false;
    button.addEventListener('click', enable);
})();
