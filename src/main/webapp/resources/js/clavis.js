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
