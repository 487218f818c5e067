#!/bin/sh
# CTest: the sample HTML report (hicm-report-sample --html), without and with the board cover sheet, has no
# WCAG 2.0/2.1/2.2 A or AA violation by axe-core in headless chromium; and a control page with known
# violations fails, so the check can fail.
#   axe_check.sh SAMPLE_EXE AXE_MIN_JS OUT_DIR
set -eu
sample=$1 axe=$2 out=$3
here=$(dirname "$0")
[ -f "$axe" ] || { echo "axe_check: $axe missing (the npm install fixture did not run)"; exit 1; }
mkdir -p "$out"
"$sample" --html "$out/report.html"
"$sample" --cover --html "$out/report-cover.html"
grep -q '<h1>Board cover sheet</h1>' "$out/report-cover.html" || { echo "axe_check: the sample has no cover sheet"; exit 1; }
cat > "$out/control.html" <<'HTML'
<!DOCTYPE html><html><head><title>control</title></head><body><main>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p style="color:#bbbbbb;background:#ffffff">too light</p>
</main></body></html>
HTML
if /usr/bin/python3 "$here/axe_check.py" "$out/control.html" "$axe" > "$out/control.txt" 2>&1; then
    echo "axe_check: the control page with known violations passed: the check cannot fail"; exit 1
fi
grep -q "image-alt" "$out/control.txt" && grep -q "color-contrast" "$out/control.txt" ||
    { echo "axe_check: the control page did not fail as expected:"; cat "$out/control.txt"; exit 1; }
/usr/bin/python3 "$here/axe_check.py" "$out/report.html" "$axe"
exec /usr/bin/python3 "$here/axe_check.py" "$out/report-cover.html" "$axe"
