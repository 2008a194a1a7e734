// Keyboard support for the search suggestions, on top of what works without script (Tab moves
// through the suggestion links anyway): Down from the search box enters the list, Up and Down move
// within it, Up from the first returns to the box, and Escape closes the list.
(function () {
  "use strict";

  function links(list) {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  document.addEventListener("keydown", function (event) {
    var input = document.getElementById("q");
    var list = document.getElementById("suggestions");
    if (!input || !list) {
      return;
    }
    var items = links(list);
    var index = items.indexOf(document.activeElement);
    var inBox = document.activeElement === input;
    if (!inBox && index < 0) {
      return;
    }
    if (event.key === "ArrowDown" && items.length > 0) {
      items[Math.min(index + 1, items.length - 1)].focus();
      event.preventDefault();
    } else if (event.key === "ArrowUp" && index >= 0) {
      (index === 0 ? input : items[index - 1]).focus();
      event.preventDefault();
    } else if (event.key === "Escape" && items.length > 0) {
      list.innerHTML = "";
      var status = document.getElementById("suggestion-status");
      if (status) {
        status.textContent = "";
      }
      input.focus();
      event.preventDefault();
    }
  });
})();

// Filter panels open on wide screens and fold on a phone, where eleven facet groups would push the
// results screens down; a panel with a chosen filter stays open so the choice stays visible. The
// same happens when a window narrows to a phone's width (a tablet turned, a browser resized), and
// they open again when it widens.
(function () {
  "use strict";

  var small = window.matchMedia("(max-width: 40em)");

  function fold() {
    if (!small.matches) {
      return;
    }
    document.querySelectorAll("details[data-fold-on-small]").forEach(function (panel) {
      if (!panel.querySelector("input:checked")) {
        panel.open = false;
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fold);
  } else {
    fold();
  }
  small.addEventListener("change", function () {
    if (small.matches) {
      fold();
    } else {
      document.querySelectorAll("details[data-fold-on-small]").forEach(function (panel) {
        panel.open = true;
      });
    }
  });
})();

// The editors' skill search (/publish forms): without script (or without htmx) the page offers
// only the field for ESCO skill URIs, so the search is shown only here. Enter in the search field searches rather than
// publishing the form, and a skill ticked among the options moves up among the chosen ones, so the
// next search does not take it away.
(function () {
  "use strict";

  var moved = 0;

  function show() {
    document.querySelectorAll("[data-skill-search]").forEach(function (search) {
      search.hidden = false;
    });
  }

  // Shown once htmx has set up the page (and so the search field's requests), not before: a
  // person or a test typing at once would otherwise type into a field that asks nothing.
  if (window.htmx) {
    window.htmx.onLoad(show);
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && event.target.hasAttribute && event.target.hasAttribute("data-no-submit")) {
      event.preventDefault();
    }
  });

  document.addEventListener("change", function (event) {
    var box = event.target;
    var options = document.getElementById("skill-options");
    var chosen = document.getElementById("chosen-skills");
    if (!options || !chosen || !box.checked || !options.contains(box)) {
      return;
    }
    var item = box.closest(".govuk-checkboxes__item");
    var existing = Array.prototype.slice
      .call(chosen.querySelectorAll("input[name=chosenSkills]"))
      .filter(function (other) { return other.value === box.value; });
    if (existing.length > 0) {
      existing[0].checked = true;
      item.remove();
      return;
    }
    var id = "chosen-skill-added-" + (++moved);
    box.id = id;
    item.querySelector("label").setAttribute("for", id);
    var meta = item.querySelector(".meta");
    if (meta) {
      meta.remove();
    }
    item.classList.remove("skill-option");
    chosen.appendChild(item);
    var search = document.getElementById("skill-q");
    if (search) {
      search.focus();
    }
  });
})();
