// Pomegranate's only script of its own: no inline scripts anywhere (the Content-Security-Policy
// forbids them), so behaviour is attached here by data attributes.
(function () {
  'use strict';

  // htmx requests carry the CSRF token like forms do.
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  document.body.addEventListener('htmx:configRequest', function (event) {
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // <form data-confirm="…">: ask before a destructive action.
  document.addEventListener('submit', function (event) {
    var message = event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });

  // <input type="checkbox" data-check-all="selector">: checks or clears every checkbox the selector finds.
  document.addEventListener('change', function (event) {
    var selector = event.target.getAttribute && event.target.getAttribute('data-check-all');
    if (selector) {
      document.querySelectorAll(selector).forEach(function (box) {
        box.checked = event.target.checked;
      });
    }
  });
})();
