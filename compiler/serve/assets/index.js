// bcp serve: the list of plans reloads when a plan file is added or removed.
'use strict';
(function () {
  const events = new EventSource('/events');
  events.addEventListener('change', () => { location.reload(); });
})();
