#!/usr/bin/env bash
# Renders the bad-input resumes (tests/resumes/bad/sources) into tests/resumes/bad/files, with
# the same tools as the evaluation set (scripts/render-resumes.sh): Chromium's print-to-PDF and
# LibreOffice Writer. The files are committed: CI does not render.
#   scanned.pdf           scanned-page.html as a picture (Chromium's screenshot), printed alone
#   name-in-metadata.pdf  the name only in the PDF's title (Chromium takes the HTML <title>)
#   tracked-changes.docx  the .fodt, with its tracked changes and comment, saved as DOCX by Writer
#   every other .html     printed by Chromium to the .pdf of its name
# Needs: apt-get install chromium libreoffice-writer-nogui fonts-noto-core fonts-liberation2
set -euo pipefail
bad="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
chromium_() {
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/chromium" "$@" 2>/dev/null
}
cd "$bad/sources"
chromium_ --hide-scrollbars --window-size=840,1188 --screenshot="$work/scanned-page.png" "file://$PWD/scanned-page.html"
cp scanned.html "$work/" && chromium_ --no-pdf-header-footer --print-to-pdf="$bad/files/scanned.pdf" "file://$work/scanned.html"
for source in *.html; do
  case "$source" in scanned*.html) continue ;; esac
  chromium_ --no-pdf-header-footer --print-to-pdf="$bad/files/${source%.html}.pdf" "file://$PWD/$source"
done
soffice -env:UserInstallation="file://$work/office" --headless \
  --convert-to 'docx:MS Word 2007 XML' --outdir "$bad/files" tracked-changes.fodt >/dev/null
ls -l "$bad/files"
