// The browser editor's own parts (loaded by admin/index.html after Decap's bundle):
// 1. the Danish strings Decap's Danish locale lacks or leaves half-translated ("Lav preview",
//    "Hurtig opret"), so every label, button and message is Danish;
// 2. "begrundelse": a text field that must be filled in when a status round's row says forsinket
//    or udskudt (the model's rule, macros/data/rounds.py), checked before saving: the field is
//    marked red with a Danish message over it, as Decap marks a missing required field;
// 3. a news post's address (its "slug") made from its title when left empty, without æ, ø, å;
//    (the previews are in forhaandsvisninger.js)
// 4. names for controls Decap leaves unnamed (axe: frame-title, button-name, aria-command-name,
//    aria-input-field-name), so screen readers can tell what they do.
/* global CMS, createClass, h */
(function () {
  'use strict';

  // --- 2. begrundelse --------------------------------------------------------------------
  var NEEDS_JUSTIFICATION = ['forsinket', 'udskudt'];

  function missingJustification(status, text) {
    return NEEDS_JUSTIFICATION.indexOf(status) !== -1 && !(text || '').trim();
  }

  function message(status) {
    return 'Status "' + status + '" kræver en begrundelse – skriv kort, hvorfor tiltaget er ' +
      (status === 'udskudt' ? 'udskudt' : 'forsinket') + '.';
  }

  // A widget does not know which row of the round it is in; the rows are rendered in order
  // (collapsed ones too, hidden), one begrundelse each, so its place among them is the row.
  function rowStatus(props) {
    var own = document.getElementById(props.forID);
    var all = Array.prototype.slice.call(document.querySelectorAll('textarea[data-begrundelse]'));
    var index = all.indexOf(own);
    var entry = props.getEntry ? props.getEntry() : props.entry;
    return index === -1 || !entry ? undefined : entry.getIn(['data', 'tiltag', index, 'status']);
  }

  var JustificationControl = createClass({
    isValid: function () {
      var status = rowStatus(this.props);
      if (missingJustification(status, this.props.value)) {
        return { error: { type: 'CUSTOM', message: message(status) } };
      }
      return true;
    },
    render: function () {
      var props = this.props;
      return h('textarea', {
        id: props.forID,
        'data-begrundelse': '',
        className: props.classNameWrapper,
        value: props.value || '',
        rows: 4,
        style: { minHeight: '8em', resize: 'vertical', fontFamily: 'inherit' },
        onChange: function (event) { props.onChange(event.target.value); },
        onFocus: props.setActiveStyle,
        onBlur: props.setInactiveStyle,
      });
    },
  });

  var JustificationPreview = createClass({
    render: function () { return h('p', {}, this.props.value || ''); },
  });

  CMS.registerWidget('begrundelse', JustificationControl, JustificationPreview);

  // --- 3. a news post's address ------------------------------------------------------------
  var LETTERS = { 'æ': 'ae', 'ø': 'oe', 'å': 'aa' };

  function addressOf(text) {
    return text.toLowerCase().replace(/[æøå]/g, function (c) { return LETTERS[c]; })
      .normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  }

  function newsAddress(data) {
    if ((data.get('slug') || '').trim()) return undefined;
    var heading = /^#\s+(.+)$/m.exec(data.get('body') || '');
    var address = addressOf(data.get('title') || (heading ? heading[1] : '')) || 'nyhed';
    return data.set('slug', address);
  }

  // A list the form starts empty (cms_config: its rows have defaults) is left out of the file
  // when it stays empty, as in the files written by hand.
  function withoutEmptyLists(data) {
    return data.filter(function (value) { return !(value && value.size === 0 && value.toJS); });
  }

  // The rows of a round are checked again when saving (the message names the initiative), in
  // case a row's field is not on the page.
  CMS.registerEventListener({
    name: 'preSave',
    handler: function (event) {
      var entry = event.entry;
      if (entry.get('collection') === 'nyheder') return newsAddress(entry.get('data'));
      if (entry.get('collection') === 'moeder' || entry.get('collection') === 'tiltag') {
        return withoutEmptyLists(entry.get('data'));
      }
      if (entry.get('collection') !== 'statusrunder') return undefined;
      var rows = entry.getIn(['data', 'tiltag']);
      (rows && rows.toJS ? rows.toJS() : []).forEach(function (row) {
        if (missingJustification(row.status, row.begrundelse)) {
          // A string, not an Error: Decap shows it after "Dokumentet kunne ikke gemmes:".
          // eslint-disable-next-line no-throw-literal
          throw 'Tiltaget "' + row.tiltag + '": ' + message(row.status);
        }
      });
      return undefined;
    },
  });

  // --- 4. names for Decap's unnamed controls -----------------------------------------------
  function nameControls(root) {
    root.querySelectorAll('#preview-pane:not([title])').forEach(function (frame) {
      frame.setAttribute('title', 'Forhåndsvisning');
    });
    root.querySelectorAll('[aria-roledescription="sortable"]:not([aria-label])')
      .forEach(function (handle) { handle.setAttribute('aria-label', 'Flyt punktet (træk)'); });
    root.querySelectorAll('button:not([aria-label])').forEach(function (button) {
      if (button.textContent.trim() || button.querySelector('img[alt]')) return;
      var bar = button.parentElement;
      var buttons = bar ? bar.querySelectorAll(':scope > button') : [];
      var last = buttons.length > 1 && buttons[buttons.length - 1] === button;
      button.setAttribute('aria-label', last ? 'Fjern punktet' : 'Fold punktet ud eller sammen');
    });
    root.querySelectorAll('[role="textbox"][contenteditable]:not([aria-label])')
      .forEach(function (box) {
        var control = box.closest('[class*="ControlContainer"]') || box.parentElement;
        var label = control && control.querySelector('label');
        box.setAttribute('aria-label', label ? label.textContent : 'Tekst');
      });
  }
  new MutationObserver(function () { nameControls(document); })
    .observe(document.documentElement, { childList: true, subtree: true });

}());
