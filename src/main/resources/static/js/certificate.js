// The certificate page's print button (no inline script: the content security policy allows none).
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.addEventListener('click', function () {
    window.print();
  });
});
