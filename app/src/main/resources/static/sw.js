// The service worker of 支部 (scope /): the app opens from the home screen like an app, and says so plainly when the
// network is gone. It keeps only what is the same for everyone — the offline page and the static assets. Pages,
// htmx fragments, API answers and downloads hold personal data: they are never stored here (network only).
'use strict';

var CACHE = 'zhibu-static-v1';
var OFFLINE = '/offline.html';
// Fetched at install, so the offline page has its styles even if the user never opened another page.
var SHELL = [OFFLINE, '/css/app.css', '/js/app.js', '/webjars/bootstrap/css/bootstrap.min.css',
  '/webjars/bootstrap/js/bootstrap.bundle.min.js', '/webjars/htmx.org/dist/htmx.min.js', '/img/icon.svg',
  '/img/icon-192.png', '/img/icon-512.png', '/manifest.webmanifest'];
// The only paths ever stored: public files, the same for every user.
var STATIC = /^\/(css|js|webjars|img)\/|^\/manifest\.webmanifest$|^\/offline\.html$/;

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE)
    .then(function (cache) { return cache.addAll(SHELL); })
    .then(function () { return self.skipWaiting(); }));
});

// A new version drops the caches of the old one.
self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys()
    .then(function (keys) {
      return Promise.all(keys.filter(function (key) { return key !== CACHE; })
        .map(function (key) { return caches.delete(key); }));
    })
    .then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === 'navigate') {
    // a page: from the network only; when that fails, the offline page instead of the browser's error
    event.respondWith(fetch(request).catch(function () { return caches.match(OFFLINE); }));
    return;
  }
  if (STATIC.test(url.pathname) && !url.search) {
    event.respondWith(networkFirst(request));
  }
  // anything else is not handled here: the browser fetches it from the network as without a service worker
});

// Static files: the network's fresh copy (a new release is seen at once), the stored one when offline.
function networkFirst(request) {
  return fetch(request).then(function (response) {
    // a redirect (to the login page) or an error is never stored in place of the file
    if (response.ok && !response.redirected && response.type === 'basic') {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { return cache.put(request, copy); });
    }
    return response;
  }).catch(function () {
    return caches.match(request).then(function (stored) {
      return stored || Response.error();
    });
  });
}
