// The browser editor's own parts (loaded by admin/index.html after Sveltia's bundle):
// 1. "begrundelse": a text field that must be filled in when a status round's row says
//    forsinket or udskudt (the model's rule, macros/data/rounds.py), checked before saving: the
//    field is marked red with a Danish message over it, as the editor marks a missing field;
// 2. a news post's address (its "slug") made from its title when left empty, without æ, ø, å,
//    and optional fields left empty kept out of the file (the previews are in
//    forhaandsvisninger.js);
// 3. repairs of what axe finds in the editor's page (zoom, a reference to nothing).
/* global CMS, createClass, h */
(function () {
  'use strict';

  // --- 1. begrundelse --------------------------------------------------------------------
  var NEEDS_JUSTIFICATION = ['forsinket', 'udskudt'];

  function missingJustification(status, text) {
    return NEEDS_JUSTIFICATION.indexOf(status) !== -1 && !(text || '').trim();
  }

  function message(status) {
    return 'Status "' + status + '" kræver en begrundelse – skriv kort, hvorfor tiltaget er ' +
      (status === 'udskudt' ? 'udskudt' : 'forsinket') + '.';
  }

  // A widget does not know which row of the round it is in. Every row has its wrapper in the
  // form, also the rows not drawn yet (the editor draws a row when it scrolls into view), so
  // the wrapper's place among them is the row.
  function rowStatus(props) {
    var own = document.getElementById(props.forID);
    var wrapper = own && own.closest('.item-wrapper');
    var entry = props.getEntry ? props.getEntry() : props.entry;
    if (!wrapper || !entry) return undefined;
    var rows = Array.prototype.filter.call(wrapper.parentElement.children, function (el) {
      return el.classList.contains('item-wrapper');
    });
    return entry.getIn(['data', 'tiltag', rows.indexOf(wrapper), 'status']);
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
        'aria-label': 'Begrundelse',
        className: props.classNameWrapper,
        value: props.value || '',
        rows: 4,
        // The editor gives its own text fields an outline; this one gets one that stands
        // out from the page (3:1, WCAG 1.4.11) and its full width.
        style: {
          minHeight: '8em', resize: 'vertical', fontFamily: 'inherit', width: '100%',
          boxSizing: 'border-box', border: '1px solid #767676', borderRadius: '4px',
          padding: '8px',
        },
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

  // --- 2. a news post's address ------------------------------------------------------------
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

  // An optional field left empty is left out of the file, as in the files written by hand:
  // the configuration's omit_empty_optional_fields does so for a form's own fields, but the
  // editor writes an empty field inside a list's rows (a round's begrundelse) as ''.
  function isEmpty(value) {
    return value === '' || value === null || value === undefined ||
      Boolean(value && value.toJS && value.size === 0);
  }

  function withoutEmpty(value) {
    if (!value || !value.toJS || typeof value.filter !== 'function') return value;
    return value.map(withoutEmpty).filter(function (item) { return !isEmpty(item); });
  }

  // The rows of a round are checked again when saving (the message names the initiative), in
  // case a row was never drawn on the page, so its own check never ran.
  CMS.registerEventListener({
    name: 'preSave',
    handler: function (event) {
      var entry = event.entry;
      var data = entry.get('data');
      if (entry.get('collection') === 'nyheder') return newsAddress(data);
      if (entry.get('collection') === 'statusrunder') {
        var rows = data.get('tiltag');
        (rows && rows.toJS ? rows.toJS() : []).forEach(function (row) {
          if (missingJustification(row.status, row.begrundelse)) {
            throw new Error('Tiltaget "' + row.tiltag + '": ' + message(row.status));
          }
        });
      }
      return withoutEmpty(data);
    },
  });

  // --- 3. what axe finds in the editor's own page ---------------------------------------
  // a. The editor adds a second viewport tag with maximum-scale=1 (so that a phone does not
  //    zoom into a field on focus), which stops a person from zooming at all (WCAG 1.4.4):
  //    the limit is taken out, the rest of the tag kept.
  // b. On a phone the collection list says it controls the collection's pane, which is not
  //    on the screen until a collection is chosen: a reference to nothing is dropped.
  function allowZoom(meta) {
    var content = meta.getAttribute('content') || '';
    var kept = content.split(',').map(function (part) { return part.trim(); })
      .filter(function (part) { return !/^(maximum-scale|user-scalable)\s*=/.test(part); });
    if (kept.join(', ') !== content) meta.setAttribute('content', kept.join(', '));
  }

  function dropEmptyReferences(root) {
    root.querySelectorAll('[aria-controls]').forEach(function (element) {
      var ids = element.getAttribute('aria-controls').split(/\s+/).filter(function (id) {
        return id && document.getElementById(id);
      });
      if (!ids.length) element.removeAttribute('aria-controls');
      else if (ids.join(' ') !== element.getAttribute('aria-controls')) {
        element.setAttribute('aria-controls', ids.join(' '));
      }
    });
  }

  function repair() {
    document.querySelectorAll('meta[name="viewport"]').forEach(allowZoom);
    dropEmptyReferences(document);
  }

  new MutationObserver(repair).observe(document.documentElement, {
    childList: true, subtree: true, attributes: true,
    attributeFilter: ['aria-controls', 'content'],
  });
  repair();

}());
