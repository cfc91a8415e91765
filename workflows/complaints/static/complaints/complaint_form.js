// The complaint form: the service list shows only the services of the office chosen, and choosing a
// service first fills in its office, so a citizen cannot pick a pair the server would refuse.
// Without JavaScript the list stays grouped by office (<optgroup>) and the server names the right pairs.
// Options are rebuilt from a copy rather than hidden: Safari ignores `hidden` on <option>.
(function () {
  "use strict";
  var office = document.getElementById("id_office");
  var service = document.getElementById("id_service");
  if (!office || !service) {
    return;
  }
  var prompt = service.querySelector("option:not([data-office])");
  var groups = Array.prototype.map.call(service.querySelectorAll("optgroup"), function (group) {
    return group.cloneNode(true);
  });
  var allLabel = prompt ? prompt.textContent : "";

  function officeOf(option) {
    return option.getAttribute("data-office");
  }

  function show() {
    var chosen = office.value;
    var selected = service.value;
    var shown = 0;
    while (service.lastChild) {
      service.removeChild(service.lastChild);
    }
    if (prompt) {
      service.appendChild(prompt);
    }
    groups.forEach(function (template) {
      var group = template.cloneNode(false);
      Array.prototype.forEach.call(template.children, function (option) {
        var its = officeOf(option);
        if (!chosen || its === "" || its === chosen) {
          group.appendChild(option.cloneNode(true));
        }
      });
      if (group.children.length) {
        service.appendChild(group);
        shown += group.children.length;
      }
    });
    service.value = selected;
    if (service.value !== selected && prompt) {
      service.value = "";  // the service chosen before belongs to another office
    }
    if (prompt) {
      prompt.textContent = chosen && !shown ? service.getAttribute("data-none-label") || allLabel : allLabel;
    }
  }

  office.addEventListener("change", show);
  service.addEventListener("change", function () {
    var option = service.options[service.selectedIndex];
    var its = option ? officeOf(option) : null;
    if (its && office.value !== its) {
      office.value = its;
      show();
    }
  });
  // A form sent back with the pair refused keeps both choices in view, beside the server's message.
  var first = service.options[service.selectedIndex];
  var refused = first && officeOf(first) && office.value && officeOf(first) !== office.value;
  if (!refused) {
    show();
  }
})();
