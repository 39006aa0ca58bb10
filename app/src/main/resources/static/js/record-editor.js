// The minutes editor of the meeting record (Quill, from its WebJar). The form keeps a plain <textarea name="minutes">
// holding the HTML, so the page works without scripts; with them the textarea is hidden and Quill edits its content,
// writing the HTML back on every change. The server sanitises whatever arrives. Also: the quorum line follows the roll
// as boxes are ticked.
(function () {
  'use strict';

  var LABELS = {
    bold: '粗体', italic: '斜体', underline: '下划线', link: '插入链接', clean: '清除格式',
    'header-2': '二级标题', 'header-3': '三级标题', 'list-ordered': '编号列表', 'list-bullet': '项目符号列表'
  };

  function label(button) {
    var format = (button.className.match(/ql-([a-z]+)/) || [])[1];
    var key = button.value ? format + '-' + button.value : format;
    return LABELS[key] || format;
  }

  function startEditor(textarea) {
    if (!window.Quill) {
      return;
    }
    var host = document.createElement('div');
    host.className = 'zb-editor';
    textarea.parentNode.insertBefore(host, textarea.nextSibling);
    textarea.hidden = true;
    var quill = new window.Quill(host, {
      theme: 'snow',
      formats: ['bold', 'italic', 'underline', 'header', 'list', 'link'],
      modules: {
        toolbar: [['bold', 'italic', 'underline'], [{ header: 2 }, { header: 3 }],
          [{ list: 'ordered' }, { list: 'bullet' }], ['link'], ['clean']]
      }
    });
    quill.clipboard.dangerouslyPasteHTML(textarea.value || '');
    quill.history.clear();
    var edited = document.getElementById(textarea.dataset.edited || '');
    if (edited) {
      edited.value = 'false';
    }
    quill.on('text-change', function (delta, old, source) {
      textarea.value = quill.getText().trim() ? quill.root.innerHTML : '';
      if (edited && source === 'user') {
        edited.value = 'true';
      }
    });
    // names for assistive technology: the toolbar's icon buttons and the editing area
    Array.prototype.forEach.call(host.parentNode.querySelectorAll('.ql-toolbar button'), function (b) {
      b.setAttribute('aria-label', label(b));
      b.setAttribute('title', label(b));
    });
    var tooltipInput = host.querySelector('.ql-tooltip input');
    if (tooltipInput) {
      tooltipInput.setAttribute('aria-label', '链接地址');
      tooltipInput.setAttribute('data-link', 'https://');
    }
    quill.root.setAttribute('role', 'textbox');
    quill.root.setAttribute('aria-multiline', 'true');
    quill.root.setAttribute('aria-label', textarea.dataset.label || '会议记录');
    var described = textarea.getAttribute('aria-describedby');
    if (described) {
      quill.root.setAttribute('aria-describedby', described);
    }
    if (textarea.getAttribute('aria-invalid') === 'true') {
      host.classList.add('is-invalid');
      quill.root.setAttribute('aria-invalid', 'true');
    }
  }

  function followQuorum(roll) {
    var line = document.getElementById('quorum-live');
    if (!line) {
      return;
    }
    var update = function () {
      var voting = roll.querySelectorAll('input[data-voting="true"]').length;
      var present = roll.querySelectorAll('input[data-voting="true"]:checked').length;
      var quorate = 2 * present > voting;
      line.textContent = '有表决权的党员应到' + voting + '人，已勾选出席' + present + '人：'
        + (quorate ? '已达到法定人数' : '未达到法定人数（须超过半数，至少' + (Math.floor(voting / 2) + 1) + '人）');
      line.className = 'small ' + (quorate ? 'text-success' : 'text-danger');
    };
    roll.addEventListener('change', update);
    // the line follows the boxes from now on; the saved roll's count would only contradict it
    var saved = roll.querySelector('#quorum');
    if (saved) {
      saved.hidden = true;
    }
    update();
  }

  document.querySelectorAll('textarea[data-editor]').forEach(startEditor);
  var roll = document.getElementById('record-roll');
  if (roll) {
    followQuorum(roll);
  }
})();
