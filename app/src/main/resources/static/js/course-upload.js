// The course page's upload (templates/learning/courses/detail.html): the chosen file is sent as the raw request body
// to PUT /learning/courses/{id}/media, which streams it to disk up to the limit of the course's kind (not the 50 MB
// multipart limit), with the page's CSRF token and a progress bar; errors are said in Chinese on the field. Without
// script the form posts multipart as before. No inline script: the Content-Security-Policy forbids it.
(function () {
  'use strict';

  var form = document.getElementById('upload-form');
  if (!form || !window.XMLHttpRequest) {
    return;
  }
  var input = document.getElementById('file');
  var button = document.getElementById('upload');
  var progress = document.getElementById('upload-progress');
  var bar = progress.querySelector('.progress');
  var fill = progress.querySelector('.progress-bar');
  var status = document.getElementById('upload-status');
  var maxBytes = Number(form.dataset.maxBytes);
  var MB = 1024 * 1024;

  function megabytes(bytes) {
    return (bytes < 10 * MB ? (bytes / MB).toFixed(1) : Math.round(bytes / MB)) + ' MB';
  }

  function say(text) {
    status.textContent = text;
  }

  function setProgress(fraction) {
    var percent = Math.max(0, Math.min(100, Math.floor(fraction * 100)));
    bar.setAttribute('aria-valuenow', String(percent));
    bar.setAttribute('aria-valuetext', '已上传 ' + percent + '%');
    fill.style.width = percent + '%';
  }

  // the error on the field, as the server-rendered form shows it (fragments/field.html): aria-invalid, described by
  function fieldError(text) {
    var error = document.getElementById('file-error');
    if (!error) {
      error = document.createElement('div');
      error.id = 'file-error';
      error.className = 'invalid-feedback';
      input.insertAdjacentElement('afterend', error);
      var described = input.getAttribute('aria-describedby');
      input.setAttribute('aria-describedby', described ? 'file-error ' + described : 'file-error');
    }
    error.textContent = text;
    input.classList.add('is-invalid');
    input.setAttribute('aria-invalid', 'true');
  }

  function clearError() {
    var error = document.getElementById('file-error');
    if (error) {
      error.textContent = '';
    }
    input.classList.remove('is-invalid');
    input.removeAttribute('aria-invalid');
  }

  function fail(text) {
    fieldError(text);
    say('上传失败：' + text);
    progress.hidden = true;
    button.disabled = false;
    input.disabled = false;
  }

  // the problem document's reason for the file (or the hours), else a sentence for the status
  function reason(xhr) {
    var problem = {};
    try {
      problem = JSON.parse(xhr.responseText) || {};
    } catch (ignored) {
      problem = {};
    }
    var errors = problem.errors || {};
    var said = errors.file || errors.hours || errors.name;
    switch (xhr.status) {
      case 413:
        return '文件太大：' + (said || '超过了本类课程的上限 ' + megabytes(maxBytes));
      case 415:
        return '文件类型不符：' + (said || '请按说明选择文件');
      case 400:
        return said || problem.detail || '文件不能上传，请检查后重试';
      case 401:
      case 403:
        return '登录已过期或页面已失效，请刷新页面后重试';
      case 404:
        return '课程不存在或您无权上传';
      default:
        return '服务器暂时不能保存文件（' + xhr.status + '），请稍后重试';
    }
  }

  function csrf(xhr) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      xhr.setRequestHeader(header.content, token.content);
    }
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearError();
    var file = input.files && input.files[0];
    if (!file) {
      fail('请选择要上传的文件');
      return;
    }
    if (file.size === 0) {
      fail('所选文件是空的，请重新选择');
      return;
    }
    if (file.size > maxBytes) {
      fail('文件太大：本文件 ' + megabytes(file.size) + '，本类课程的文件不能超过 ' + megabytes(maxBytes));
      return;
    }
    var xhr = new XMLHttpRequest();
    xhr.open('PUT', form.dataset.upload + '?name=' + encodeURIComponent(file.name));
    csrf(xhr);
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        setProgress(e.loaded / e.total);
      }
    });
    xhr.addEventListener('load', function () {
      if (xhr.status === 200) {
        setProgress(1);
        say('已上传' + file.name + '，正在刷新页面…');
        window.location.assign(form.dataset.done);
      } else {
        fail(reason(xhr));
      }
    });
    xhr.addEventListener('error', function () {
      fail('网络中断，文件没有上传完成，请检查网络后重试');
    });
    button.disabled = true;
    input.disabled = true;
    setProgress(0);
    progress.hidden = false;
    say('正在上传' + file.name + '（' + megabytes(file.size) + '）…');
    xhr.send(file);
  });
})();
