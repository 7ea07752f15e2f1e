// The media library chooser in the staff site.
// On a change form: "Insert an image" / "Insert a document" open the chooser in a window of its
// own (a plain link opens it in a new tab without JavaScript).
// On a lead image field: a thumbnail of the chosen image under it.
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

  // The lead image field: a thumbnail of the image chosen, as soon as it is chosen. The admin's
  // autocomplete (select2) announces a choice through jQuery, not a DOM event.
  // The admin also announces the value it starts with, on every page load.
  function showLeadImage(select) {
    var preview = document.getElementById(select.id + "-preview");
    if (!preview) {
      return;
    }
    var image = preview.querySelector("img");
    var note = preview.querySelector("p");
    if (preview.dataset.savedNote === undefined) {
      preview.dataset.savedNote = note.textContent;
      preview.dataset.savedSrc = image.getAttribute("src");
    }
    var id = select.value;
    preview.hidden = !/^[0-9]+$/.test(id);
    if (preview.hidden) {
      return;
    }
    if (id === preview.dataset.saved) {
      image.src = preview.dataset.savedSrc;
      note.textContent = preview.dataset.savedNote;
    } else {
      image.src = preview.dataset.thumbnailAddress.replace("/0/", "/" + id + "/");
      note.textContent = "Save to check its alt text.";
    }
  }
  if (window.django && window.django.jQuery) {
    window.django.jQuery(document).on("change", "select[data-lead-image]", function () {
      showLeadImage(this);
    });
  }
})();
