/* borderwatch map: Leaflet 1.9.4 (vendored) over Natural Earth land, layers from /api/v1/.
 *
 * No inline script: the configuration is in the data-* attributes of #map (API root,
 * incident page address, tile URL, first view, translated labels) and the filters are
 * the GET form #map-filters. Every layer comes from the API, which applies the access
 * policy; clicking an incident asks GET /api/v1/incidents/{id}, which is audited.
 * Text from the server is set with textContent, never as HTML.
 */
(function () {
  "use strict";

  var el = document.getElementById("map");
  var form = document.getElementById("map-filters");
  var statusEl = document.getElementById("map-status");
  if (!el || !form || !window.L) {
    return;
  }
  var cfg = el.dataset;
  var T = JSON.parse(cfg.labels);
  var api = cfg.api;
  var FILTERS = ["since", "until", "type", "nationality", "status"];
  var LANG = document.documentElement.lang || "en";

  // --- small helpers -------------------------------------------------------------------------

  function fmt(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_, key) {
      return values[key];
    });
  }

  function plural(forms, n) {
    return fmt(forms[n === 1 ? 0 : 1], { n: n.toLocaleString(LANG) });
  }

  function node(tag, className, text) {
    var e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text !== undefined && text !== null) {
      e.textContent = text;
    }
    return e;
  }

  function setStatus(text, isError) {
    if (statusEl.textContent !== text) {
      statusEl.textContent = text;
    }
    statusEl.classList.toggle("is-error", !!isError);
  }

  function problem(status, body) {
    var detail = body && body.detail;
    var text;
    if (Array.isArray(detail)) {
      text = detail
        .map(function (d) {
          var field = d.loc && d.loc[d.loc.length - 1];
          return (T.fields[field] || field) + ": " + d.msg;
        })
        .join("; ");
    } else if (detail) {
      text = (body.field ? (T.fields[body.field] || body.field) + ": " : "") + detail;
    } else {
      text = "HTTP " + status;
    }
    var error = new Error(fmt(T.problem, { detail: text }));
    error.status = status;
    return error;
  }

  function fetchJSON(path) {
    return fetch(api + path, {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    }).then(function (response) {
      if (!response.ok) {
        return response
          .json()
          .catch(function () {
            return null;
          })
          .then(function (body) {
            throw problem(response.status, body);
          });
      }
      return response.json();
    });
  }

  // One request at a time: every request renews the session (an idle timeout), and
  // parallel renewals of one session only contend in the database. `path` may be a
  // function, read when the request starts, so a queued request asks for the latest view.
  var queue = [];
  var busy = false;

  function getJSON(path) {
    return new Promise(function (resolve, reject) {
      queue.push({ path: path, resolve: resolve, reject: reject });
      pump();
    });
  }

  function pump() {
    if (busy || !queue.length) {
      return;
    }
    var job = queue.shift();
    busy = true;
    fetchJSON(typeof job.path === "function" ? job.path() : job.path)
      .then(job.resolve, job.reject)
      .then(function () {
        busy = false;
        pump();
      });
  }

  function clamp(v, lo, hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  // --- the map and its panes (stacking order is in borderwatch.css) ------------------------

  var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var map = L.map(el, {
    minZoom: 5,
    maxZoom: 16,
    zoomAnimation: !still,
    fadeAnimation: !still,
    markerZoomAnimation: !still,
    inertia: !still,
  });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  ["land", "sections", "searches", "border", "places"].forEach(function (name) {
    map.createPane(name);
  });
  map.fitBounds(JSON.parse(cfg.bounds));

  // --- the base map: land polygons (or configured tiles), sections, border, places -----------

  if (cfg.tileUrl) {
    L.tileLayer(cfg.tileUrl, { maxZoom: 18 }).addTo(map);
  } else {
    getJSON("map/land").then(function (data) {
      L.geoJSON(data, {
        pane: "land",
        interactive: false,
        style: function (f) {
          var home = f.properties.iso_a2 === "NO";
          return {
            className: "bw-land bw-land-" + String(f.properties.iso_a2).toLowerCase(),
            color: "#8f8a7d",
            weight: 0.8,
            fillColor: home ? "#f7f5ef" : "#e6e2d8",
            fillOpacity: 1,
          };
        },
      }).addTo(map);
      map.attributionControl.addAttribution("Natural Earth");
    });
  }

  var SECTION_COLOURS = {
    low: ["#fee391", "#9a7b00"],
    medium: ["#fe9929", "#a85400"],
    high: ["#d7301f", "#8c1d12"],
    critical: ["#67000d", "#2e0006"],
  };

  var sectionNames = {};

  getJSON("sections").then(function (data) {
    data.features.forEach(function (f) {
      sectionNames[f.properties.code] = f.properties.name;
    });
    L.geoJSON(data, {
      pane: "sections",
      filter: function (f) {
        return !!f.geometry;
      },
      style: function (f) {
        var level = f.properties.impact_level;
        var c = SECTION_COLOURS[level] || SECTION_COLOURS.low;
        return {
          className: "bw-section bw-section-" + level,
          color: c[1],
          weight: 1.5,
          fillColor: c[0],
          fillOpacity: 0.45,
        };
      },
      onEachFeature: function (f, layer) {
        layer.bindTooltip(
          fmt(T.section_level, {
            name: f.properties.name,
            level: T.impact[f.properties.impact_level] || f.properties.impact_level,
          }),
          { sticky: true }
        );
      },
    }).addTo(map);
  });

  getJSON("border").then(function (data) {
    // a white casing under a dark line: visible on every fill
    L.geoJSON(data, {
      pane: "border",
      interactive: false,
      style: { className: "bw-border-casing", color: "#ffffff", weight: 6, opacity: 0.9 },
    }).addTo(map);
    L.geoJSON(data, {
      pane: "border",
      interactive: false,
      style: { className: "bw-border", color: "#0b0c0c", weight: 3, opacity: 1 },
    }).addTo(map);
  });

  getJSON("map/places").then(function (data) {
    data.features.forEach(function (f) {
      var c = f.geometry.coordinates;
      var country = f.properties.kind === "country";
      L.circleMarker([c[1], c[0]], {
        pane: "places",
        interactive: false,
        radius: country ? 0 : 2.5,
        stroke: !country,
        color: "#0b0c0c",
        weight: 1,
        fillColor: "#0b0c0c",
        fillOpacity: country ? 0 : 1,
      })
        .bindTooltip(f.properties.name, {
          permanent: true,
          direction: country ? "center" : "right",
          offset: country ? [0, 0] : [4, 0],
          pane: "places",
          className: country ? "bw-place bw-country" : "bw-place",
        })
        .addTo(map);
    });
  });

  // --- the features ------------------------------------------------------------------------

  var features = L.layerGroup().addTo(map);

  function filterParams() {
    var params = new URLSearchParams();
    FILTERS.forEach(function (name) {
      var v = form.elements[name].value.trim();
      if (v) {
        params.set(name, v);
      }
    });
    var layers = Array.prototype.filter
      .call(form.querySelectorAll('input[name="layers"]'), function (i) {
        return i.checked;
      })
      .map(function (i) {
        return i.value;
      });
    return { params: params, layers: layers };
  }

  function featureQuery() {
    var f = filterParams();
    var b = map.getBounds();
    var box = [
      clamp(b.getWest(), -180, 180),
      clamp(b.getSouth(), -90, 90),
      clamp(b.getEast(), -180, 180),
      clamp(b.getNorth(), -90, 90),
    ];
    if (box[0] < box[2] && box[1] < box[3]) {
      f.params.set(
        "bbox",
        box
          .map(function (v) {
            return v.toFixed(5);
          })
          .join(",")
      );
    }
    f.params.set("zoom", String(Math.round(map.getZoom())));
    f.params.set("layers", f.layers.join(","));
    return f.params.toString();
  }

  // A move while a request is under way queues one more, which asks for the view as it
  // is when it starts; the answers of requests overtaken by a later one are not drawn.
  var asked = 0;
  var queued = false;

  function load() {
    if (queued) {
      return;
    }
    queued = true;
    var mine = ++asked;
    el.setAttribute("aria-busy", "true");
    getJSON(function () {
      queued = false;
      return "map/features?" + featureQuery();
    }).then(
      function (data) {
        if (mine === asked) {
          el.removeAttribute("aria-busy");
          draw(data);
        }
      },
      function (error) {
        if (mine === asked) {
          el.removeAttribute("aria-busy");
          clearShown();
          setStatus(error.message, true);
        }
      }
    );
  }

  // What is drawn, by key (incident:7, detection:3, search:2, cell:incidents:lon,lat): a
  // redraw keeps what has not changed, so an open popup stays open when the map pans to
  // show it (a pan asks for the features again).
  var shown = {};

  function keyOf(f) {
    var p = f.properties;
    if (p.kind === "cell") {
      return "cell:" + p.layer + ":" + f.geometry.coordinates.join(",");
    }
    return p.kind + ":" + p.id;
  }

  function draw(data) {
    var offsets = fanOut(data.features);
    var next = {};
    data.features.forEach(function (f, n) {
      var key = keyOf(f);
      var offset = offsets[n] || [0, 0];
      var props = JSON.stringify(f);
      var old = shown[key];
      delete shown[key];
      if (old && old.props === props) {
        if (old.offset.join() !== offset.join() && old.move) {
          old.move(offset);
          old.offset = offset;
        }
        next[key] = old;
        return;
      }
      if (old) {
        old.layers.forEach(function (layer) {
          features.removeLayer(layer);
        });
      }
      var entry = create(f, offset);
      entry.props = props;
      entry.offset = offset;
      next[key] = entry;
    });
    clearShown();
    shown = next;
    setStatus(describe(data.layers));
  }

  function clearShown() {
    Object.keys(shown).forEach(function (key) {
      shown[key].layers.forEach(function (layer) {
        features.removeLayer(layer);
      });
    });
    shown = {};
  }

  function create(f, offset) {
    var kind = f.properties.kind;
    if (kind === "search") {
      return addSearch(f);
    }
    if (kind === "cell") {
      return addCell(f);
    }
    return addPoint(f, offset);
  }

  // Incidents and detections closer on screen than a marker's width are fanned out
  // around their first, so each can be seen and selected (incidents placed at a named
  // place share its point; a detection lies beside its incident).
  var NEAR = 20;

  function fanOut(list) {
    var groups = [];
    var offsets = {};
    var order = [];
    list.forEach(function (f, n) {
      if (f.properties.kind === "incident") {
        order.push(n);
      }
    });
    list.forEach(function (f, n) {
      if (f.properties.kind === "detection") {
        order.push(n);
      }
    });
    order.forEach(function (n) {
      var px = map.latLngToLayerPoint(latlng(list[n]));
      var group = null;
      for (var g = 0; g < groups.length && !group; g++) {
        if (groups[g].px.distanceTo(px) < NEAR) {
          group = groups[g];
        }
      }
      if (!group) {
        group = { px: px, members: [] };
        groups.push(group);
      }
      group.members.push({ n: n, px: px });
    });
    groups.forEach(function (group) {
      var count = group.members.length;
      group.members.forEach(function (m, i) {
        var spot = fan(i, count);
        offsets[m.n] = [
          Math.round(group.px.x + spot[0] - m.px.x),
          Math.round(group.px.y + spot[1] - m.px.y),
        ];
      });
    });
    return offsets;
  }

  function fan(i, n) {
    if (n < 2) {
      return [0, 0];
    }
    var r = 11 + 2 * Math.min(n, 20);
    var a = (2 * Math.PI * i) / n - Math.PI / 2;
    return [Math.round(r * Math.cos(a)), Math.round(r * Math.sin(a))];
  }

  function describe(layers) {
    var parts = [];
    var grouped = false;
    ["incidents", "detections", "searches"].forEach(function (name) {
      var layer = layers[name];
      if (!layer || layer.shown_as === "hidden") {
        return;
      }
      grouped = grouped || layer.shown_as === "cells";
      if (layer.count) {
        parts.push(plural(T[name], layer.count));
      }
    });
    var text = parts.length ? fmt(T.in_view, { list: parts.join(", ") }) : T.nothing;
    if (grouped) {
      text += " " + T.grouped;
    }
    if (layers.searches && layers.searches.shown_as === "hidden") {
      text += " " + T.searches_hidden;
    }
    return text;
  }

  function latlng(f) {
    var c = f.geometry.coordinates;
    return L.latLng(c[1], c[0]);
  }

  function pointIcon(p, offset) {
    var level = p.impact_level || "none";
    var incident = p.kind === "incident";
    var size = incident ? 24 : 16;
    var classes = "bw-marker bw-" + p.kind + " bw-level-" + level;
    if (incident && p.approximate) {
      classes += " bw-approx";
    }
    return L.divIcon({
      className: classes,
      html: node("span", null, incident ? T.impact_mark[level] || "" : ""),
      iconSize: [size, size],
      iconAnchor: [size / 2 - offset[0], size / 2 - offset[1]],
      popupAnchor: [offset[0], offset[1] - size / 2],
    });
  }

  function addPoint(f, offset) {
    var p = f.properties;
    var incident = p.kind === "incident";
    var level = p.impact_level || "none";
    var title = incident
      ? [p.reference, p.when, T.impact_level + ": " + (T.impact[level] || "—")].join(", ")
      : [T.detection, T.source[p.source] || p.source, p.at].join(", ");
    if (incident && p.approximate) {
      title += " (" + T.approximate + ")";
    }
    var marker = L.marker(latlng(f), {
      icon: pointIcon(p, offset),
      title: title,
      riseOnHover: true,
      zIndexOffset: incident ? 1000 : 500,
    });
    if (incident) {
      marker.bindPopup(node("p", "muted", T.loading_incident), { maxWidth: 320, minWidth: 220 });
      marker.on("popupopen", function (e) {
        showIncident(p.id, e.popup);
      });
    } else {
      marker.bindPopup(detectionPopup(p), { maxWidth: 300 });
    }
    features.addLayer(marker);
    return {
      layers: [marker],
      move: function (to) {
        marker.setIcon(pointIcon(p, to));
      },
    };
  }

  function addCell(f) {
    var p = f.properties;
    var label = p.count.toLocaleString(LANG);
    var size = label.length <= 2 ? 30 : label.length <= 4 ? 38 : 46;
    var forms = p.layer === "detections" ? T.cell_detections : T.cell;
    var title = plural(forms, p.count) + " (" + T.zoom_in + ")";
    var marker = L.marker(latlng(f), {
      icon: L.divIcon({
        className: "bw-marker bw-cell bw-cell-" + p.layer + " bw-level-" + (p.impact_level || "none"),
        html: node("span", null, label),
        iconSize: [size, size],
      }),
      title: title,
      zIndexOffset: p.layer === "incidents" ? 800 : 300,
    });
    marker.on("click", function () {
      map.setView(marker.getLatLng(), Math.min(map.getZoom() + 2, map.getMaxZoom()));
    });
    features.addLayer(marker);
    return { layers: [marker] };
  }

  function addSearch(f) {
    var p = f.properties;
    var layers = [];
    var anchor;
    if (f.geometry.type === "Point") {
      anchor = latlng(f);
    } else {
      var area = L.geoJSON(f.geometry, {
        pane: "searches",
        style: {
          className: "bw-search-area",
          color: "#1d70b8",
          weight: 2,
          dashArray: "6 4",
          fillColor: "#1d70b8",
          fillOpacity: 0.08,
        },
      });
      area.bindPopup(searchPopup(p), { maxWidth: 320 });
      features.addLayer(area);
      layers.push(area);
      anchor = area.getBounds().getCenter();
    }
    if (!p.assets.length) {
      return { layers: layers };
    }
    var strip = node("span", "bw-assets");
    p.assets.forEach(function (a) {
      var badge = node("span", "bw-asset bw-asset-" + a.kind, T.asset_mark[a.kind] || a.kind);
      badge.title = (T.asset[a.kind] || a.kind) + (a.call_sign ? ": " + a.call_sign : "");
      strip.appendChild(badge);
    });
    var names = p.assets
      .map(function (a) {
        return T.asset[a.kind] || a.kind;
      })
      .join(", ");
    var title = fmt(T.search_for, { reference: p.incident_reference }) + ": " + names;
    var atIncident = f.geometry.type === "Point";
    var marker = L.marker(anchor, {
      icon: L.divIcon({
        className: "bw-marker bw-search",
        html: strip,
        iconSize: null,
        // beside its incident (below and to the right), so it hides neither
        iconAnchor: atIncident ? [-18, -16] : [0, 0],
        popupAnchor: atIncident ? [34, 16] : [0, 0],
      }),
      title: title,
      zIndexOffset: 200,
    });
    marker.bindPopup(searchPopup(p), { maxWidth: 320 });
    features.addLayer(marker);
    layers.push(marker);
    return { layers: layers };
  }

  // --- popups ------------------------------------------------------------------------------

  function facts(rows) {
    var dl = node("dl", "bw-facts");
    rows.forEach(function (row) {
      if (row[1] === null || row[1] === undefined || row[1] === "") {
        return;
      }
      dl.appendChild(node("dt", null, row[0]));
      dl.appendChild(node("dd", null, row[1]));
    });
    return dl;
  }

  function incidentLink(id, text) {
    var a = node("a", null, text);
    a.href = cfg.incidentPage.replace(/0\/$/, id + "/");
    return a;
  }

  function persons(p) {
    if (p.count === null || p.count === undefined) {
      return T.persons_unknown;
    }
    var text = p.lower_bound ? fmt(T.at_least, { n: p.count }) : String(p.count);
    if (p.crossings_uncertain) {
      text += " (" + T.together_or_apart + ")";
    }
    return text;
  }

  function showIncident(id, popup) {
    getJSON("incidents/" + encodeURIComponent(id)).then(
      function (i) {
        var box = node("div", "bw-popup");
        var h = node("h2", "bw-popup-title");
        h.appendChild(incidentLink(i.id, i.reference));
        box.appendChild(h);
        box.appendChild(
          node("p", "bw-popup-sub", [T.type[i.type] || i.type, T.status[i.status] || i.status].join(" · "))
        );
        var where = i.place || sectionNames[i.section] || "—";
        if (i.location_approximate) {
          where += " (" + T.approximate + ")";
        }
        box.appendChild(
          facts([
            [T.when, i.when.display],
            [T.where, where],
            [T.persons, persons(i.persons)],
            [T.nationality, i.nationality],
            [T.impact_level, T.impact[i.impact_level] || i.impact_level],
          ])
        );
        if (i.summary) {
          box.appendChild(node("p", "bw-summary", i.summary));
        }
        var more = node("p", "bw-popup-more");
        more.appendChild(incidentLink(i.id, T.open_incident));
        box.appendChild(more);
        popup.setContent(box);
      },
      function (error) {
        popup.setContent(node("p", "is-error", error.status === 404 ? T.not_found : error.message));
      }
    );
  }

  function detectionPopup(p) {
    var box = node("div", "bw-popup");
    box.appendChild(node("h2", "bw-popup-title", T.detection));
    box.appendChild(
      facts([
        [T.detected, p.at],
        [T.source_label, T.source[p.source] || p.source],
        [T.impact_level, p.impact_level ? T.impact[p.impact_level] : null],
      ])
    );
    var part = node("p", "bw-popup-more", T.part_of + ": ");
    if (p.incident) {
      part.appendChild(incidentLink(p.incident, p.incident_reference));
    } else {
      part.textContent = T.no_incident;
    }
    box.appendChild(part);
    return box;
  }

  function searchPopup(p) {
    var box = node("div", "bw-popup");
    var h = node("h2", "bw-popup-title", T.search + ": ");
    h.appendChild(incidentLink(p.incident, p.incident_reference));
    box.appendChild(h);
    box.appendChild(
      facts([
        [T.started, p.started],
        [T.ended, p.ended || T.under_way],
        [T.outcome_label, p.outcome ? T.outcome[p.outcome] || p.outcome : null],
      ])
    );
    if (p.assets.length) {
      box.appendChild(node("p", "bw-popup-label", T.assets));
      var ul = node("ul", "bw-popup-assets");
      p.assets.forEach(function (a) {
        ul.appendChild(node("li", null, (T.asset[a.kind] || a.kind) + (a.call_sign ? ": " + a.call_sign : "")));
      });
      box.appendChild(ul);
    }
    if (!p.area_recorded) {
      box.appendChild(node("p", "muted", T.no_area));
    }
    return box;
  }

  // --- filters: the same GET form, applied without reloading the page -------------------------

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var f = filterParams();
    if (f.layers.length !== form.querySelectorAll('input[name="layers"]').length) {
      f.layers.forEach(function (name) {
        f.params.append("layers", name);
      });
    }
    var query = f.params.toString();
    window.history.replaceState(null, "", query ? "?" + query : window.location.pathname);
    load();
  });

  setStatus(T.loading);
  map.on("moveend", load);
  load();
})();
