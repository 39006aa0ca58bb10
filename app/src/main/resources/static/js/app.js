// Behaviour shared by every page. No inline scripts: the Content-Security-Policy forbids them.
(function () {
  'use strict';

  // htmx requests carry the CSRF token from the page's meta tags.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // Destructive forms ask first: <form data-confirm="...">.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  }, true);

  // <select data-autosubmit> submits its form on change.
  document.addEventListener('change', function (event) {
    var el = event.target;
    if (el.hasAttribute && el.hasAttribute('data-autosubmit') && el.form && el.value) {
      el.form.submit();
    }
  });

  // "返回" links go back when there is somewhere to go back to.
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a.zb-back');
    if (link && window.history.length > 1) {
      event.preventDefault();
      window.history.back();
    }
  });

  // The member form fills birth date and gender from a complete 身份证号 (GB 11643).
  var idInput = document.getElementById('idNumber');
  if (idInput && document.getElementById('member-form')) {
    idInput.addEventListener('change', function () {
      var id = idInput.value.trim().toUpperCase();
      if (!/^\d{17}[\dX]$/.test(id)) {
        return;
      }
      var birth = id.substring(6, 10) + '-' + id.substring(10, 12) + '-' + id.substring(12, 14);
      var birthInput = document.getElementById('birthDate');
      if (birthInput && !birthInput.value) {
        birthInput.value = birth;
      }
      var gender = document.getElementById('gender');
      if (gender && !gender.value) {
        gender.value = parseInt(id.charAt(16), 10) % 2 === 1 ? 'MALE' : 'FEMALE';
      }
    });
  }

  // Installable app: the service worker keeps the static files and shows the offline page (see /sw.js).
  if ('serviceWorker' in navigator) {
    window.addEventListener('load', function () {
      navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(function (error) {
        console.warn('离线支持未启用：', error);
      });
    });
  }
})();
