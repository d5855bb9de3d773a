#!/bin/sh
# Pasang Kuis ASN untuk pengguna ini (tanpa root): salin folder aplikasi ke
# ~/.local/opt, tambahkan ikon dan entri menu aplikasi, dan perintah `kuis-asn`.
# Hapus lagi dengan: sh install.sh --hapus
set -eu
here=$(cd "$(dirname "$0")" && pwd)
name=$(basename "$here")
prefix=${XDG_DATA_HOME:-$HOME/.local/share}
opt=$HOME/.local/opt/$name
bin=$HOME/.local/bin
if [ "${1:-}" = "--hapus" ]; then
    rm -rf "$HOME/.local/opt/$name" "$prefix/applications/kuis-asn.desktop" \
        "$prefix/icons/hicolor/256x256/apps/kuis-asn.png" "$bin/kuis-asn" \
        "$prefix/mime/packages/kuis-asn-mime.xml"
    command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$prefix/mime" || true
    echo "Kuis ASN dihapus."
    exit 0
fi
mkdir -p "$HOME/.local/opt" "$prefix/applications" "$prefix/icons/hicolor/256x256/apps" "$bin" \
    "$prefix/mime/packages"
if [ "$here" != "$opt" ]; then
    rm -rf "$opt"
    cp -R "$here" "$opt"
fi
cp "$opt/kuis-asn.png" "$prefix/icons/hicolor/256x256/apps/kuis-asn.png"
sed "s#@EXEC@#$opt/kuis-asn#" "$opt/kuis-asn.desktop" > "$prefix/applications/kuis-asn.desktop"
ln -sf "$opt/kuis-asn" "$bin/kuis-asn"
# .kuis-hasil and .kuis-sesi files open with Kuis ASN (double click)
cp "$opt/kuis-asn-mime.xml" "$prefix/mime/packages/kuis-asn-mime.xml"
command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$prefix/mime" || true
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$prefix/applications" || true
echo "Kuis ASN terpasang di $opt"
echo "Buka dari menu aplikasi (Kuis ASN) atau jalankan: kuis-asn"
