// The browser editor's own parts (loaded by admin/index.html after Decap's bundle):
// 1. the Danish strings Decap's Danish locale lacks, so every label, button and message is Danish;
// 2. "begrundelse": a text field that must be filled in when a status round's row says forsinket
//    or udskudt (the model's rule, macros/data/rounds.py), checked before saving, with a Danish
//    message naming the initiative;
// 3. previews of a status round, an initiative, a meeting and a news post with the site's own
//    stylesheets;
// 4. names for controls Decap leaves unnamed (axe: frame-title, button-name, aria-command-name,
//    aria-input-field-name), so screen readers can tell what they do.
/* global CMS, createClass, h */
(function () {
  'use strict';

  // --- 1. Danish strings missing from decap-cms-locales' "da" (checked against "en") ----------
  var extra = {
    auth: { loginWithForgejo: 'Log ind med Forgejo' },
    collection: {
      // Decap's Danish "＋" is a full-width plus that most system fonts lack (an empty box).
      collectionTop: {
        viewAsList: 'Vis som liste', viewAsGrid: 'Vis som gitter',
        newButton: 'Opret %{collectionLabel}',
      },
      entries: { unpublishedHeader: 'Ikke-udgivne poster' },
    },
    editor: {
      editorControl: { field: { widgetLabel: 'Feltet %{widgetLabel}' } },
      editorInterface: {
        toggleI18n: 'Slå oversættelser til/fra', togglePreview: 'Vis/skjul forhåndsvisning',
        toggleScrollSync: 'Rul samtidig', toggleNotes: 'Vis/skjul noter',
      },
      editorNotesPane: {
        title: 'Noter', emptyState: 'Ingen noter endnu. Skriv den første nedenfor.',
        addNote: 'Tilføj note', addPlaceholder: 'Skriv en note …',
        editPlaceholder: 'Ret din note …', save: 'Gem', cancel: 'Annullér', edit: 'Ret',
        delete: 'Slet', resolve: 'Markér som løst', unresolve: 'Markér som uløst',
        confirmDelete: 'Vil du slette noten?', shortcut: 'Tip: Ctrl+Enter tilføjer noten',
      },
      editorWidgets: {
        markdown: {
          strikethrough: 'Gennemstreget',
          toggleMode: { rich: 'Skift til formateret tekst', markdown: 'Skift til Markdown' },
        },
        datetime: { setToNow: 'Sæt %{fieldLabel} til nu' },
        object: { expand: 'Fold ud', collapse: 'Fold sammen' },
      },
    },
    mediaLibrary: { mediaLibraryModal: { close: 'Luk' } },
    ui: {
      settingsDropdown: { account: 'Kontoindstillinger' },
      toast: {
        noteAdded: 'Noten er tilføjet', onFailToAddNote: 'Noten kunne ikke tilføjes: %{details}',
        noteUpdated: 'Noten er rettet', onFailToUpdateNote: 'Noten kunne ikke rettes: %{details}',
        noteDeleted: 'Noten er slettet', onFailToDeleteNote: 'Noten kunne ikke slettes: %{details}',
        noteResolved: 'Noten er markeret som løst', noteReopened: 'Noten er åbnet igen',
        onFailToToggleNote: 'Notens status kunne ikke ændres: %{details}',
      },
    },
  };

  function merge(base, more) {
    var out = {};
    Object.keys(base || {}).forEach(function (key) { out[key] = base[key]; });
    Object.keys(more).forEach(function (key) {
      var value = more[key];
      out[key] = value && typeof value === 'object' ? merge(out[key], value) : value;
    });
    return out;
  }

  CMS.registerLocale('da', merge(CMS.getLocale('da'), extra));

  // --- 2. begrundelse --------------------------------------------------------------------
  var NEEDS_JUSTIFICATION = ['forsinket', 'udskudt'];

  function missingJustification(status, text) {
    return NEEDS_JUSTIFICATION.indexOf(status) !== -1 && !(text || '').trim();
  }

  function message(status) {
    return 'Status "' + status + '" kræver en begrundelse – skriv kort, hvorfor tiltaget er ' +
      (status === 'udskudt' ? 'udskudt' : 'forsinket') + '.';
  }

  var JustificationControl = createClass({
    // Re-render on every change of the entry, so isValid sees the status just chosen.
    shouldComponentUpdate: function () { return true; },
    isValid: function () {
      var status = this.props.entry && this.props.entry.getIn(['data', 'status']);
      if (missingJustification(status, this.props.value)) {
        return { error: { message: message(status) } };
      }
      return true;
    },
    render: function () {
      var props = this.props;
      return h('textarea', {
        id: props.forID,
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

  // A round's rows are checked when saving: the widget inside a row cannot see the row's status.
  CMS.registerEventListener({
    name: 'preSave',
    handler: function (event) {
      var entry = event.entry;
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

  // --- 3. previews -------------------------------------------------------------------------
  // forhaandsvisning.css imports Material's and the site's stylesheets (macros/adapter/admin.py).
  // An absolute address: the preview is a frame of its own, without this page's base.
  CMS.registerPreviewStyle(new URL('forhaandsvisning.css', document.baseURI).href);

  function text(entry, path) {
    var value = entry.getIn(['data'].concat(path));
    return value === undefined || value === null ? '' : String(value);
  }

  function list(entry, name) {
    var value = entry.getIn(['data', name]);
    return value && value.toJS ? value.toJS() : [];
  }

  function facts(rows) {
    return h('dl', { className: 'faktaliste' }, rows.filter(function (row) { return row[1]; })
      .map(function (row) {
        return [h('dt', { key: row[0] + 't' }, row[0]), h('dd', { key: row[0] + 'd' }, row[1])];
      }));
  }

  function page(children) {
    return h('div', { className: 'md-container' },
      h('main', { className: 'md-main' },
        h('div', { className: 'md-content' },
          h('article', { className: 'md-content__inner md-typeset' }, children))));
  }

  var InitiativePreview = createClass({
    render: function () {
      var entry = this.props.entry;
      return page([
        h('h1', { key: 'h' }, text(entry, ['titel']) || 'Nyt tiltag'),
        text(entry, ['beskrivelse']) && h('p', { key: 'd' }, text(entry, ['beskrivelse'])),
        facts([['Tidspunkt', text(entry, ['tidspunkt'])], ['Ansvarlig', text(entry, ['ansvarlig'])],
          ['Niveau', text(entry, ['niveau'])], ['Bemærkning', text(entry, ['bemaerkning'])]]),
        h('p', { key: 'n', className: 'forhaandsvisning-note' },
          'Forhåndsvisning: den udgivne side viser også status fra statusrunderne, tidslinje, ' +
          'spor, møder og kilde.'),
      ]);
    },
  });

  var RoundPreview = createClass({
    render: function () {
      var entry = this.props.entry;
      var rows = list(entry, 'tiltag');
      return page([
        h('h1', { key: 'h' }, 'Statusrunden ' + (text(entry, ['dato']) || '(uden dato)')),
        h('table', { key: 't' },
          h('thead', {}, h('tr', {}, h('th', {}, 'Tiltag'), h('th', {}, 'Status'),
            h('th', {}, 'Tekst'), h('th', {}, 'Begrundelse'))),
          h('tbody', {}, rows.map(function (row, index) {
            return h('tr', { key: index }, h('td', {}, row.tiltag || ''),
              h('td', {}, row.status || ''), h('td', {}, row.tekst || ''),
              h('td', {}, row.begrundelse || ''));
          }))),
        h('p', { key: 'n', className: 'forhaandsvisning-note' },
          'Forhåndsvisning: den udgivne runde viser også, hvad der er ændret siden runden før.'),
      ]);
    },
  });

  var MeetingPreview = createClass({
    render: function () {
      var entry = this.props.entry;
      function points(name, title) {
        var items = list(entry, name);
        if (items.length === 0) return null;
        return [h('h2', { key: name + 'h' }, title), h('ol', { key: name + 'l' },
          items.map(function (item, index) {
            return h('li', { key: index, value: item.nr }, item.tekst || '',
              item.bemaerkning ? h('p', {}, item.bemaerkning) : null);
          }))];
      }
      return page([
        h('h1', { key: 'h' }, text(entry, ['titel']) || 'Nyt møde'),
        facts([['Dato', text(entry, ['dato']) || text(entry, ['periode'])],
          ['Type', text(entry, ['type'])], ['Sag', text(entry, ['sag'])]]),
        text(entry, ['resume']) && h('p', { key: 'r' }, text(entry, ['resume'])),
        points('indstilling', 'Indstilling'),
        points('beslutning', 'Beslutning'),
      ]);
    },
  });

  var NewsPreview = createClass({
    render: function () {
      var entry = this.props.entry;
      return page([
        text(entry, ['title']) && h('h1', { key: 'h' }, text(entry, ['title'])),
        h('p', { key: 'd' }, h('time', {}, text(entry, ['date']))),
        h('div', { key: 'b' }, this.props.widgetFor('body')),
      ]);
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

  CMS.registerPreviewTemplate('statusrunder', RoundPreview);
  CMS.registerPreviewTemplate('tiltag', InitiativePreview);
  CMS.registerPreviewTemplate('moeder', MeetingPreview);
  CMS.registerPreviewTemplate('nyheder', NewsPreview);
}());
