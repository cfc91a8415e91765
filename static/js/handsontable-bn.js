// Registers Handsontable's Bengali phrases (rendered by the page editor from our catalogue: pages/base/table_block.py).
(function () {
  var data = document.getElementById("handsontable-bn-dictionary");
  if (data && window.Handsontable && Handsontable.languages) {
    Handsontable.languages.registerLanguageDictionary(JSON.parse(data.textContent));
  }
})();
