// The editor's previews (loaded by admin/index.html after redaktoer.js): a status round, an
// initiative, a meeting and a news post with the site's own stylesheets, dates written as the
// site writes them («12. marts 2024») and titles instead of ids. The titles come from the
// site's open data (data/strategi.json, same origin); what is not published yet shows its id.
/* global CMS, createClass, h */
(function () {
  'use strict';

  // forhaandsvisning.css imports Material's and the site's stylesheets (macros/adapter/admin.py).
  // An absolute address: the preview is a frame of its own, without this page's base.
  CMS.registerPreviewStyle(new URL('forhaandsvisning.css', document.baseURI).href);

  var MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august',
    'september', 'oktober', 'november', 'december'];

  function danishDate(value) {
    var iso = value instanceof Date ? value.toISOString() : String(value || '');
    var match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
    if (!match) return iso;
    return Number(match[3]) + '. ' + MONTHS[Number(match[2]) - 1] + ' ' + match[1];
  }

  // --- titles of published data, loaded once ----------------------------------------------
  var titles = null;
  var waiting = [];

  function byId(items, field) {
    var out = {};
    (items || []).forEach(function (item) { out[item.id] = item[field || 'titel']; });
    return out;
  }

  fetch(new URL('../data/strategi.json', document.baseURI).href)
    .then(function (response) { return response.ok ? response.json() : {}; })
    .catch(function () { return {}; })
    .then(function (data) {
      function part(name, key) { return (data[name] || {})[key || name]; }
      titles = {
        tiltag: byId(part('tiltag')), moeder: byId(part('moeder')), spor: byId(part('spor')),
        udvalg: byId(part('ordliste', 'termer'), 'term'),
      };
      waiting.splice(0).forEach(function (render) { render(); });
    });

  function titleOf(kind, id) {
    return (titles && titles[kind] && titles[kind][id]) || id || '';
  }

  // Each preview renders again when the titles have come.
  function withTitles(spec) {
    spec.componentDidMount = function () {
      var self = this;
      if (!titles) waiting.push(function () { self.forceUpdate(); });
    };
    return createClass(spec);
  }

  // --- building blocks ----------------------------------------------------------------------
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

  function dateIn(entry, name) {
    var value = entry.getIn(['data', name]);
    return value ? danishDate(value) : '';
  }

  // --- the previews -------------------------------------------------------------------------
  var InitiativePreview = withTitles({
    render: function () {
      var entry = this.props.entry;
      return page([
        h('h1', { key: 'h' }, text(entry, ['titel']) || 'Nyt tiltag'),
        text(entry, ['beskrivelse']) && h('p', { key: 'd' }, text(entry, ['beskrivelse'])),
        facts([['Spor', titleOf('spor', text(entry, ['spor']))],
          ['Tidspunkt', text(entry, ['tidspunkt'])], ['Ansvarlig', text(entry, ['ansvarlig'])],
          ['Niveau', text(entry, ['niveau'])], ['Faktisk start', dateIn(entry, 'faktisk_start')],
          ['Faktisk slut', dateIn(entry, 'faktisk_slut')],
          ['Bemærkning', text(entry, ['bemaerkning'])]]),
        h('p', { key: 'n', className: 'forhaandsvisning-note' },
          'Forhåndsvisning: den udgivne side viser også status fra statusrunderne, tidslinje, ' +
          'møder og kilde.'),
      ]);
    },
  });

  var RoundPreview = withTitles({
    render: function () {
      var entry = this.props.entry;
      var rows = list(entry, 'tiltag');
      var meeting = text(entry, ['moede']);
      return page([
        h('h1', { key: 'h' }, 'Statusrunden ' + (dateIn(entry, 'dato') || '(uden dato)')),
        meeting && h('p', { key: 'm' }, 'Behandlet på: ' + titleOf('moeder', meeting)),
        h('table', { key: 't' },
          h('thead', {}, h('tr', {}, h('th', {}, 'Tiltag'), h('th', {}, 'Status'),
            h('th', {}, 'Tekst'), h('th', {}, 'Begrundelse'))),
          h('tbody', {}, rows.map(function (row, index) {
            return h('tr', { key: index }, h('td', {}, titleOf('tiltag', row.tiltag)),
              h('td', {}, row.status || ''), h('td', {}, row.tekst || ''),
              h('td', {}, row.begrundelse || ''));
          }))),
        h('p', { key: 'n', className: 'forhaandsvisning-note' },
          'Forhåndsvisning: den udgivne runde viser også, hvad der er ændret siden runden før.'),
      ]);
    },
  });

  var MeetingPreview = withTitles({
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
      var committees = list(entry, 'udvalg').map(function (id) { return titleOf('udvalg', id); });
      var initiatives = list(entry, 'tiltag');
      return page([
        h('h1', { key: 'h' }, text(entry, ['titel']) || 'Nyt møde'),
        facts([['Dato', dateIn(entry, 'dato') || text(entry, ['periode'])],
          ['Type', text(entry, ['type'])], ['Udvalg', committees.join(', ')],
          ['Sag', text(entry, ['sag'])]]),
        text(entry, ['resume']) && h('p', { key: 'r' }, text(entry, ['resume'])),
        points('indstilling', 'Indstilling'),
        points('beslutning', 'Beslutning'),
        initiatives.length > 0 && [h('h2', { key: 'th' }, 'Tiltag'), h('ul', { key: 'tl' },
          initiatives.map(function (id) { return h('li', { key: id }, titleOf('tiltag', id)); }))],
      ]);
    },
  });

  var NewsPreview = createClass({
    render: function () {
      var entry = this.props.entry;
      var date = entry.getIn(['data', 'date']);
      var iso = date instanceof Date ? date.toISOString().slice(0, 10) : text(entry, ['date']);
      return page([
        text(entry, ['title']) && h('h1', { key: 'h' }, text(entry, ['title'])),
        h('p', { key: 'd' }, h('time', { dateTime: iso }, danishDate(date))),
        h('div', { key: 'b' }, this.props.widgetFor('body')),
      ]);
    },
  });

  CMS.registerPreviewTemplate('statusrunder', RoundPreview);
  CMS.registerPreviewTemplate('tiltag', InitiativePreview);
  CMS.registerPreviewTemplate('moeder', MeetingPreview);
  CMS.registerPreviewTemplate('nyheder', NewsPreview);
}());
