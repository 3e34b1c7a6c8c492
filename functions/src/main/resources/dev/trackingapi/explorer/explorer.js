"use strict";
(function () {
  var KEY_STORAGE = "tracking-api-explorer-key";
  // The API is the page's own origin: /explorer in AWS (below a named stage too), / on the local API.
  var base = window.location.pathname.replace(/\/explorer\/?$/, "").replace(/\/$/, "");
  var $ = function (id) { return document.getElementById(id); };
  var state = { key: null, customerId: null, cursors: [], next: null, filters: null };

  function setStatus(text, isError) {
    var status = $("status");
    status.textContent = text;
    status.className = "status" + (isError ? " error" : "");
  }

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === "text") { node.textContent = attributes[name]; } else { node.setAttribute(name, attributes[name]); }
    });
    (children || []).forEach(function (child) { if (child) { node.appendChild(child); } });
    return node;
  }

  // Numbers come back exact (up to 38 digits); JSON.parse would round those a double cannot hold, so where the
  // browser gives the source text, a number that does not survive the round trip keeps its digits.
  function parse(text) {
    return JSON.parse(text, function (name, value, context) {
      if (typeof value === "number" && context && typeof context.source === "string"
          && String(value) !== context.source) {
        return { exactNumber: context.source };
      }
      return value;
    });
  }

  function show(value) {
    return JSON.stringify(value, function (name, inner) {
      return inner && typeof inner === "object" && typeof inner.exactNumber === "string" ? "\u0000" + inner.exactNumber + "\u0000" : inner;
    }, 1).replace(/"\\u0000(.*?)\\u0000"/g, "$1").replace(/\n\s*/g, " ");
  }

  function call(path) {
    if (!state.key) {
      return Promise.reject(new Error("Enter an API key first."));
    }
    return fetch(base + path, { headers: { "x-growlytics-key": state.key, "accept": "application/json" },
                                cache: "no-store", credentials: "omit", referrerPolicy: "no-referrer" })
      .then(function (response) {
        return response.text().then(function (text) {
          var body;
          try { body = parse(text); } catch (e) { body = { message: text }; }
          if (!response.ok) {
            var error = new Error(describe(response.status, body));
            error.status = response.status;
            throw error;
          }
          return body;
        });
      });
  }

  function describe(status, body) {
    if (status === 401) { return "The API key was refused: it is unknown, revoked or malformed."; }
    if (status === 403) { return body && body.type === "AuthorizationError" ? body.message + " (it needs the read scope)." : "The API key was refused."; }
    if (status === 422 && body && body.details) {
      return "Not accepted: " + body.details.map(function (d) { return d.message; }).join("; ");
    }
    return (body && body.message) || ("The API answered " + status);
  }

  function path(customerId, events) {
    // API Gateway decodes the path before it picks a route: an id holding '/' or '?' travels as a query parameter.
    if (/[\/?]/.test(customerId)) {
      return events ? "/events?customerId=" + encodeURIComponent(customerId) : "/customers?id=" + encodeURIComponent(customerId);
    }
    return "/customers/" + encodeURIComponent(customerId) + (events ? "/events" : "");
  }

  function count(n, noun) {
    return n + " " + noun + (n === 1 ? "" : "s");
  }

  function typeBadge(type) {
    return el("span", { "class": "type", text: type === null || type === undefined ? "unknown" : type });
  }

  function registrationTable(caption, types, rowGroups) {
    var table = el("table", {}, [el("caption", { text: caption })]);
    table.appendChild(el("thead", {}, [el("tr", {}, [
      el("th", { scope: "col", text: rowGroups ? "Event / attribute" : "Attribute" }),
      el("th", { scope: "col", text: "Type" }), el("th", { scope: "col", text: "Registered at" })])]));
    var groups = rowGroups ? types : { "": types };
    var names = Object.keys(groups).sort();
    if (names.length === 0) {
      table.appendChild(el("tbody", {}, [el("tr", {}, [el("td", { colspan: "3", "class": "empty", text: "Nothing registered yet." })])]));
    }
    names.forEach(function (group) {
      var body = el("tbody");
      if (rowGroups) {
        body.appendChild(el("tr", {}, [el("th", { scope: "rowgroup", colspan: "3", text: group })]));
      }
      Object.keys(groups[group]).sort().forEach(function (attribute) {
        var registration = groups[group][attribute];
        body.appendChild(el("tr", {}, [el("th", { scope: "row", text: attribute }),
          el("td", {}, [typeBadge(registration.type)]), el("td", { text: registration.registeredAt || "" })]));
      });
      table.appendChild(body);
    });
    return table;
  }

  function loadSchema() {
    setStatus("Reading the schema…");
    return call("/schema").then(function (schema) {
      var target = $("schema");
      target.replaceChildren(
        registrationTable("Events (" + count(Object.keys(schema.events).length, "name") + ")", schema.events, true),
        registrationTable("Customer attributes", schema.customer, false));
      if (schema.truncated) {
        target.appendChild(el("p", { "class": "help", text: "The project has more types than one answer lists." }));
      }
      setStatus("Schema read.");
    });
  }

  function reasonText(ignored) {
    if (ignored.reason === "type_mismatch") {
      return "registered as " + ignored.registeredType + ", received a " + ignored.receivedType;
    }
    if (ignored.reason === "attribute_limit_exceeded") {
      return "the profile already held its " + ignored.limit + " custom attributes";
    }
    return ignored.reason;
  }

  function valuesTable(caption, attributes, ignored) {
    var table = el("table", {}, [el("caption", { text: caption })]);
    table.appendChild(el("thead", {}, [el("tr", {}, [el("th", { scope: "col", text: "Attribute" }),
      el("th", { scope: "col", text: "Value" }), el("th", { scope: "col", text: "Type" }),
      el("th", { scope: "col", text: "Note" })])]));
    var body = el("tbody");
    Object.keys(attributes).sort().forEach(function (name) {
      body.appendChild(el("tr", {}, [el("th", { scope: "row", text: name }),
        el("td", { "class": "value", text: show(attributes[name].value) }),
        el("td", {}, [typeBadge(attributes[name].type)]), el("td")]));
    });
    (ignored || []).forEach(function (kept) {
      var note = el("td", { "class": "ignored-note" }, [el("strong", { text: "Ignored: " }),
        document.createTextNode(reasonText(kept) + (kept.at ? " (" + kept.at + ")" : ""))]);
      body.appendChild(el("tr", { "class": "ignored" }, [el("th", { scope: "row" }, [
          document.createTextNode(kept.attribute), el("span", { "class": "badge", text: "ignored" })]),
        el("td", { "class": "value", text: show(kept.value) }), el("td", {}, [typeBadge(kept.receivedType)]), note]));
    });
    if (!body.firstChild) {
      body.appendChild(el("tr", {}, [el("td", { colspan: "4", "class": "empty", text: "No attributes." })]));
    }
    table.appendChild(body);
    return table;
  }

  function lookUp(customerId) {
    state.customerId = customerId;
    setStatus("Reading customer " + customerId + "…");
    var target = $("customer");
    return call(path(customerId, false)).then(function (customer) {
      var facts = el("dl", { "class": "facts" }, [el("dt", { text: "Id" }), el("dd", { "class": "mono", text: customer.id }),
        el("dt", { text: "Created" }), el("dd", { text: customer.createdAt || "" }),
        el("dt", { text: "Updated" }), el("dd", { text: customer.updatedAt || "" }),
        el("dt", { text: "Ignored values" }), el("dd", { text: String(customer.ignored.length) + (customer.ignoredTruncated ? " (more not listed)" : "") })]);
      target.replaceChildren(facts, valuesTable("Profile", customer.attributes, customer.ignored));
      setStatus("Customer read.");
    }, function (error) {
      target.replaceChildren(el("p", { "class": "empty", text: error.status === 404 ? "No such customer in this project (its events, if any, are below)." : error.message }));
      if (error.status !== 404) { throw error; }
    }).then(function () {
      state.cursors = [];
      return loadEvents(null);
    });
  }

  function filters() {
    var query = [];
    var name = $("event-name").value;
    var from = $("event-from").value;
    var to = $("event-to").value;
    if (name) { query.push("name=" + encodeURIComponent(name)); }
    if (from) { query.push("from=" + new Date(from).getTime()); }
    if (to) { query.push("to=" + new Date(to).getTime()); }
    query.push("limit=" + encodeURIComponent($("event-limit").value || "10"));
    return query;
  }

  function loadEvents(cursor) {
    if (state.customerId === null) {
      return Promise.resolve();
    }
    var query = state.filters.slice();
    if (cursor) { query.push("cursor=" + encodeURIComponent(cursor)); }
    var request = path(state.customerId, true);
    setStatus("Reading events…");
    return call(request + (request.indexOf("?") < 0 ? "?" : "&") + query.join("&")).then(function (page) {
      var list = el("ol", { "class": "timeline", "aria-label": "Events, newest first" });
      page.events.forEach(function (event) {
        var when = new Date(event.time).toISOString() + " · received " + new Date(event.receivedAt).toISOString()
          + (event.eventId ? " · eventId " + event.eventId : "");
        list.appendChild(el("li", { "class": "event" }, [el("h3", { text: event.name }), el("p", { "class": "when", text: when }),
          el("div", { "class": "scroll" }, [valuesTable("Attributes", event.attributes, event.ignored)])]));
      });
      if (page.events.length === 0) {
        list.appendChild(el("li", { "class": "empty", text: "No events on this page." }));
      }
      $("events").replaceChildren(list);
      state.next = page.next;
      $("older").disabled = !page.next;
      $("newer").disabled = state.cursors.length === 0;
      $("page-label").textContent = "Page " + (state.cursors.length + 1);
      setStatus("Events read.");
    });
  }

  function failed(error) {
    setStatus(error.message, true);
  }

  function enable(on) {
    ["reload-schema", "look-up", "apply-filters"].forEach(function (id) { $(id).disabled = !on; });
  }

  function useKey(key) {
    state.key = key;
    enable(!!key);
    if (key) {
      return loadSchema().catch(failed);
    }
    return Promise.resolve();
  }

  $("key-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var key = $("key").value.trim();
    $("key").value = "";
    if (!key) { return; }
    window.sessionStorage.setItem(KEY_STORAGE, key);
    useKey(key);
  });
  $("forget-key").addEventListener("click", function () {
    window.sessionStorage.removeItem(KEY_STORAGE);
    state.key = null;
    enable(false);
    ["schema", "customer", "events"].forEach(function (id) { $(id).replaceChildren(); });
    setStatus("Key forgotten.");
  });
  $("reload-schema").addEventListener("click", function () { loadSchema().catch(failed); });
  $("customer-form").addEventListener("submit", function (event) {
    event.preventDefault();
    state.filters = filters();
    lookUp($("customer-id").value).catch(failed);
  });
  $("events-form").addEventListener("submit", function (event) {
    event.preventDefault();
    state.filters = filters();
    state.cursors = [];
    if (state.customerId === null && $("customer-id").value) {
      lookUp($("customer-id").value).catch(failed);
    } else {
      loadEvents(null).catch(failed);
    }
  });
  $("older").addEventListener("click", function () {
    if (!state.next) { return; }
    state.cursors.push(state.next);
    loadEvents(state.next).then(function () { $("events").focus(); }).catch(failed);
  });
  $("newer").addEventListener("click", function () {
    state.cursors.pop();
    loadEvents(state.cursors.length ? state.cursors[state.cursors.length - 1] : null).catch(failed);
  });

  $("events").setAttribute("tabindex", "-1");
  state.filters = filters();
  var kept = window.sessionStorage.getItem(KEY_STORAGE);
  if (kept) {
    setStatus("Using the key kept in this tab.");
    useKey(kept);
  }
}());
