// The media library chooser in the staff site.
// On a change form: "Insert an image" / "Insert a document" open the chooser in a window of its
// own (a plain link opens it in a new tab without JavaScript).
// In the chooser: "Insert" writes the file's reference, on a line of its own, where the cursor
// was in the field the chooser was opened from, then closes the chooser.
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var opener = event.target.closest("[data-library-chooser]");
    if (opener) {
      event.preventDefault();
      window.open(opener.href, "library-chooser", "width=960,height=720");
      return;
    }
    var button = event.target.closest("[data-library-reference]");
    if (!button || !window.opener) {
      return;
    }
    var field = window.opener.document.getElementById(button.dataset.libraryField);
    if (!field || typeof field.setRangeText !== "function") {
      return;
    }
    var before = field.value.slice(0, field.selectionStart);
    var lead = before === "" || before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
    field.setRangeText(lead + button.dataset.libraryReference + "\n\n", field.selectionStart, field.selectionEnd, "end");
    field.dispatchEvent(new Event("input", { bubbles: true }));
    field.focus();
    window.close();
  });
})();
