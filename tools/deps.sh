#!/bin/sh
# deps.sh - check for every tool Kestrel's build and tests need. Run as root
# on Debian, it installs what is missing with apt-get; otherwise it prints the
# exact command. --quiet prints nothing when all is well. --docs checks
# instead for what make docs needs (Graphviz), which the build does not.
set -e
quiet=0
docs=0
for arg in "$@"; do
	case $arg in
	--quiet) quiet=1 ;;
	--docs) docs=1 ;;
	esac
done

# tool  package
if [ $docs = 1 ]; then
need="
dot graphviz
"
else
need="
qemu-system-i386 qemu-system-x86
nasm nasm
grub-mkrescue grub-common
xorriso xorriso
mformat mtools
gdb gdb
bochs bochs
python3 python3
gcc gcc
qemu-i386 qemu-user
make make
"
fi
missing=""
echo "$need" | while read -r tool pkg; do
	[ -n "$tool" ] || continue
	command -v "$tool" >/dev/null 2>&1 || echo "$pkg"
done > /tmp/kestrel-missing.$$
missing=$(sort -u /tmp/kestrel-missing.$$ | tr '\n' ' ')
rm -f /tmp/kestrel-missing.$$

# Files that have no command of their own.
if [ $docs = 0 ]; then
	[ -d /usr/lib/grub/i386-pc ] || missing="$missing grub-pc-bin"
	[ -f /usr/share/bochs/BIOS-bochs-latest ] || missing="$missing bochsbios"
	[ -f /usr/share/vgabios/vgabios.bin ] || missing="$missing vgabios"
	[ -n "$(gcc -m32 -print-libgcc-file-name 2>/dev/null | grep 32)" ] && \
		[ -f /usr/include/x86_64-linux-gnu/gnu/stubs-32.h ] || \
		missing="$missing gcc-multilib"
fi

missing=$(echo $missing)
if [ -z "$missing" ]; then
	[ $quiet = 1 ] || echo "deps: everything is installed"
	exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "deps: installing $missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq $missing >/dev/null
	exit 0
fi
echo "deps: missing packages: $missing"
echo "deps: install them with: sudo apt-get install -y $missing"
exit 1
