// Copy buttons of the admin pages: <button class="copy" data-copy="id-of-element">. Loaded as a file, never inline,
// so that the Content-Security-Policy can forbid inline script.
document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("button.copy[data-copy]").forEach(function (button) {
        button.addEventListener("click", function () {
            var source = document.getElementById(button.getAttribute("data-copy"));
            if (!source || !navigator.clipboard) {
                button.textContent = "Select and copy";
                return;
            }
            navigator.clipboard.writeText(source.textContent).then(function () {
                button.textContent = "Copied";
                setTimeout(function () { button.textContent = "Copy"; }, 2000);
            }, function () {
                button.textContent = "Select and copy";
            });
        });
    });
});

// The "Default API" field of an application: shown once several APIs are ticked, offering only the ticked ones.
// Without script it is shown when the saved application may call several, and the server checks the choice.
document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-several]").forEach(function (field) {
        var boxes = document.querySelectorAll("input[type=checkbox][name='" + field.getAttribute("data-several") + "']");
        var select = field.querySelector("select");
        if (!select || boxes.length === 0) {
            return;
        }
        function update() {
            var ticked = [];
            boxes.forEach(function (box) {
                if (box.checked) {
                    ticked.push(box.value);
                }
            });
            Array.prototype.forEach.call(select.options, function (option) {
                option.disabled = option.value !== "" && ticked.indexOf(option.value) < 0;
            });
            if (select.selectedOptions.length > 0 && select.selectedOptions[0].disabled) {
                select.value = "";
            }
            field.classList.toggle("collapsed", ticked.length < 2);
        }
        boxes.forEach(function (box) {
            box.addEventListener("change", update);
        });
        update();
    });
});
