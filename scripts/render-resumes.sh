#!/usr/bin/env bash
# Renders the hand-written evaluation resumes (tests/resumes/sources) into the files the parser
# is scored on (tests/resumes/files), with tools the parser was never developed against:
# Chromium's print-to-PDF for "chromium", LibreOffice Writer for "libreoffice" (the HTML is
# imported into Writer and saved as DOCX; a .pdf target is that DOCX exported by Writer), and
# plain text copied as written. Each ground-truth file (tests/resumes/truth/ID.json) names its
# target ("file") and renderer ("render"). The rendered files are committed: CI does not render.
#
#   scripts/render-resumes.sh            every resume
#   scripts/render-resumes.sh ID...      only these
#
# Needs: apt-get install chromium libreoffice-writer-nogui fonts-noto-cjk fonts-dejavu
#        fonts-liberation2 fonts-crosextra-carlito
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)/tests/resumes"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

field() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"; }

chromium_pdf() { # source.html out.pdf
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/chromium" --no-pdf-header-footer --print-to-pdf="$2" "file://$1" 2>/dev/null
}

office_docx() { # source.html outdir → outdir/ID.docx
  soffice -env:UserInstallation="file://$work/office" --headless --infilter="HTML (StarWriter)" \
    --convert-to 'docx:MS Word 2007 XML' --outdir "$2" "$1" >/dev/null
}

office_pdf() { # file.docx outdir → outdir/ID.pdf
  soffice -env:UserInstallation="file://$work/office" --headless --convert-to pdf --outdir "$2" "$1" >/dev/null
}

ids=("$@")
if [ ${#ids[@]} -eq 0 ]; then
  for t in "$root"/truth/*.json; do ids+=("$(basename "$t" .json)"); done
fi
for id in "${ids[@]}"; do
  truth="$root/truth/$id.json"
  file="$(field "$truth" file)"
  render="$(field "$truth" render)"
  out="$root/files/$file"
  case "$render:${file##*.}" in
    chromium:pdf) chromium_pdf "$root/sources/$id.html" "$out" ;;
    libreoffice:docx) office_docx "$root/sources/$id.html" "$root/files" ;;
    libreoffice:pdf)
      office_docx "$root/sources/$id.html" "$work"
      office_pdf "$work/$id.docx" "$root/files" ;;
    text:txt) cp "$root/sources/$id.txt" "$out" ;;
    *) echo "$id: cannot render $render to $file" >&2; exit 1 ;;
  esac
  echo "$file"
done
