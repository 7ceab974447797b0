#!/usr/bin/env bash
# Rebuilds eng/nuget-local/vswhere.2.8.4.nupkg from vswhere.nuspec (a nupkg is a zip holding the nuspec).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../nuget-local/vswhere.2.8.4.nupkg"
tmp=$(mktemp -d)
cp "$here/vswhere.nuspec" "$tmp/"
cat > "$tmp/[Content_Types].xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="nuspec" ContentType="application/octet" /></Types>
XML
rm -f "$out"
(cd "$tmp" && python3 -c "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1],'w',zipfile.ZIP_DEFLATED); [z.write(f) for f in ['vswhere.nuspec','[Content_Types].xml']]; z.close()" "$out")
rm -rf "$tmp"
echo "wrote $out"
