// Copy buttons: <button data-copy-target="ID"> copies the text of element ID. A file, not an
// onclick attribute, so that the Content-Security-Policy can forbid inline script.
(function () {
  document.querySelectorAll('[data-copy-target]').forEach(function (button) {
    button.addEventListener('click', function () {
      var target = document.getElementById(button.getAttribute('data-copy-target'));
      if (target && navigator.clipboard) { navigator.clipboard.writeText(target.innerText); }
    });
  });
})();
